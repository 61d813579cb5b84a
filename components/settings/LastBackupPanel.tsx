import { WorkspaceTime } from '@/components/ui/WorkspaceTime';
import { formatBytes } from '@/lib/format/bytes';
import { formatCount } from '@/lib/format/number';
import type { LastBackup } from '@/lib/operations/backup/get-last-backup';

/** The installation's last backup for admins: when, how big, and whether reading it back matched its manifest. */
export function LastBackupPanel({ backup, timeZone }: { backup: LastBackup | null; timeZone: string }) {
  return (
    <section className="panel" aria-labelledby="backup-heading">
      <h2 id="backup-heading">Backups</h2>
      {backup ? (
        <p>
          Last backup <WorkspaceTime at={backup.finishedAt} timeZone={timeZone} />: {formatBytes(backup.sizeBytes)},{' '}
          {formatCount(backup.rowCount)} rows,{' '}
          {backup.verified ? (
            <strong>verified</strong>
          ) : (
            <strong>not verified: {backup.error ?? 'the files do not match the manifest'}</strong>
          )}
          .
        </p>
      ) : (
        <p className="muted">
          No backup has been taken yet. Run <code>npm run db:backup</code>, or set <code>BACKUP_AT</code> for a daily
          one (docs/OPERATIONS.md).
        </p>
      )}
    </section>
  );
}
