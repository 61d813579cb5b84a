import Link from 'next/link';
import { Forbidden } from '@/components/shell/Forbidden';
import { AuditDetails } from '@/components/settings/AuditDetails';
import { WorkspaceTime } from '@/components/ui/WorkspaceTime';
import { roleAtLeast } from '@/lib/auth/roles';
import { AuditQuerySchema, listAudit } from '@/lib/auth/list-audit';
import { getTenantSettings } from '@/lib/tenants/get-tenant-settings';
import { requireActor } from '@/app/_http/current-actor';

export const metadata = { title: 'Audit log' };

interface AuditPageProps {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

/** Who did what to which record, newest first, fifty entries a page. */
export default async function AuditPage({ searchParams }: AuditPageProps) {
  const actor = await requireActor();
  if (!roleAtLeast(actor.role, 'ADMIN')) return <Forbidden needs="admin" />;
  const params = await searchParams;
  const query = AuditQuerySchema.safeParse({ before: params.before });
  const [{ entries, nextBefore }, settings] = await Promise.all([
    listAudit({ actor, query: query.success ? query.data : { limit: 50 } }),
    getTenantSettings({ actor }),
  ]);
  return (
    <>
      <h1>Audit log</h1>
      <p className="muted">
        Every change to campaigns, contacts&apos; consent, imports, numbers, users and settings, with who made it.{' '}
        <Link href="/settings">Back to settings</Link>
      </p>
      {entries.length === 0 ? (
        <p>Nothing has been recorded yet.</p>
      ) : (
        <div className="table-scroll">
          <table aria-label="Audit log">
            <thead>
              <tr>
                <th>When</th>
                <th>Who</th>
                <th>What</th>
                <th>Record</th>
                <th>Details</th>
              </tr>
            </thead>
            <tbody>
              {entries.map((entry) => (
                <tr key={entry.id}>
                  <td>
                    <WorkspaceTime at={entry.createdAt} timeZone={settings.timeZone} />
                  </td>
                  <td>{entry.actor}</td>
                  <td>{entry.what}</td>
                  <td>
                    {entry.record?.href ? (
                      <Link href={entry.record.href}>{entry.record.label}</Link>
                    ) : (
                      (entry.record?.label ?? '—')
                    )}
                  </td>
                  <td>
                    <AuditDetails details={entry.details} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <p>
        {params.before && <Link href="/settings/audit">Newest entries</Link>}{' '}
        {nextBefore && <Link href={`/settings/audit?before=${nextBefore}`}>Older entries</Link>}
      </p>
    </>
  );
}
