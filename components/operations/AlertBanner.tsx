import type { OpenAlert } from '@/lib/operations/alerts/list-open-alerts';

/** The open alerts, for admins, each with its playbook in the runbook. */
export function AlertBanner({ alerts }: { alerts: Pick<OpenAlert, 'key' | 'title' | 'detail' | 'runbook'>[] }) {
  if (alerts.length === 0) return null;
  return (
    <div className="notice bad" role="alert" aria-label="Operational alerts">
      {alerts.map((alert) => (
        <p key={alert.key} style={{ margin: '.25rem 0' }}>
          <strong>{alert.title}.</strong> {alert.detail}{' '}
          {/^https?:/.test(alert.runbook) ? (
            <a href={alert.runbook}>What to do</a>
          ) : (
            <>
              What to do: <code>{alert.runbook}</code>
            </>
          )}
        </p>
      ))}
    </div>
  );
}
