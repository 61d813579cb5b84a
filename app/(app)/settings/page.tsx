import { SendingNumbersPanel } from '@/components/sending-numbers/SendingNumbersPanel';
import { BudgetsPanel } from '@/components/settings/BudgetsPanel';
import { KillSwitchPanel } from '@/components/settings/KillSwitchPanel';
import { SettingsForm } from '@/components/settings/SettingsForm';
import { listAudit } from '@/lib/auth/list-audit';
import { listSendingNumbers } from '@/lib/sending-numbers/list-sending-numbers';
import { getKillSwitch } from '@/lib/sending/get-kill-switch';
import { getTenantSettings } from '@/lib/tenants/get-tenant-settings';
import { requireActor } from '@/app/_http/current-actor';

export default async function SettingsPage() {
  const actor = await requireActor();
  const isAdmin = actor.role === 'ADMIN';
  const [settings, audit, numbers, killSwitch] = await Promise.all([
    getTenantSettings({ actor }),
    isAdmin ? listAudit({ actor, query: { limit: 25 } }) : [],
    listSendingNumbers({ actor }),
    getKillSwitch({ actor }),
  ]);
  return (
    <>
      <h1>Settings</h1>
      <KillSwitchPanel state={killSwitch} canEdit={isAdmin} timeZone={settings.timeZone} />
      <BudgetsPanel canEdit={isAdmin} />
      <SettingsForm settings={settings} canEdit={isAdmin} />
      <SendingNumbersPanel numbers={numbers} canEdit={isAdmin} />
      {isAdmin && (
        <>
          <h2>Audit log</h2>
          <table>
            <thead>
              <tr>
                <th>When</th>
                <th>Who</th>
                <th>What</th>
                <th>Details</th>
              </tr>
            </thead>
            <tbody>
              {audit.map((a) => (
                <tr key={a.id}>
                  <td>{new Date(a.createdAt).toLocaleString('en-AU')}</td>
                  <td>{a.actor}</td>
                  <td>{a.action}</td>
                  <td>
                    <code>{JSON.stringify(a.details)}</code>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </>
  );
}
