import type { Metadata } from 'next';
import Link from 'next/link';
import { SendingNumbersPanel } from '@/components/sending-numbers/SendingNumbersPanel';
import { BudgetsPanel } from '@/components/settings/BudgetsPanel';
import { KillSwitchPanel } from '@/components/settings/KillSwitchPanel';
import { LastBackupPanel } from '@/components/settings/LastBackupPanel';
import { SettingsForm } from '@/components/settings/SettingsForm';
import { getLastBackup } from '@/lib/operations/backup/get-last-backup';
import { listSendingNumbers } from '@/lib/sending-numbers/list-sending-numbers';
import { getKillSwitch } from '@/lib/sending/get-kill-switch';
import { getTenantSettings } from '@/lib/tenants/get-tenant-settings';
import { requireActor } from '@/app/_http/current-actor';

export const metadata: Metadata = { title: 'Settings' };

export default async function SettingsPage() {
  const actor = await requireActor();
  const isAdmin = actor.role === 'ADMIN';
  const [settings, numbers, killSwitch, lastBackup] = await Promise.all([
    getTenantSettings({ actor }),
    listSendingNumbers({ actor }),
    getKillSwitch({ actor }),
    isAdmin ? getLastBackup() : null,
  ]);
  return (
    <>
      <h1>Settings</h1>
      <KillSwitchPanel state={killSwitch} canEdit={isAdmin} timeZone={settings.timeZone} />
      <BudgetsPanel canEdit={isAdmin} />
      <SettingsForm settings={settings} canEdit={isAdmin} />
      <SendingNumbersPanel numbers={numbers} canEdit={isAdmin} />
      {isAdmin && <LastBackupPanel backup={lastBackup} timeZone={settings.timeZone} />}
      {isAdmin && (
        <p>
          <Link href="/settings/audit">Audit log</Link>: who changed what, and when.
        </p>
      )}
    </>
  );
}
