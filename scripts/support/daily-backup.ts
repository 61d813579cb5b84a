import path from 'node:path';
import { takeBackup } from '../../lib/operations/backup/take-backup';

export interface DailyBackupOptions {
  /** HH:MM in this machine's zone (TZ). */
  at: string;
  databaseUrl: string;
  backupDir: string;
  keepDaily: number;
  app: { name: string; version: string };
}

/** The next instant the clock of this machine reads `at`, after `from`. */
export function nextDailyRun(at: string, from: Date): Date {
  const [hours, minutes] = at.split(':').map(Number);
  const next = new Date(from);
  next.setHours(hours, minutes, 0, 0);
  if (next <= from) next.setDate(next.getDate() + 1);
  return next;
}

/**
 * `npm start`'s daily backup (BACKUP_AT): a verified backup each day at that time while the
 * server runs, recorded in backup_runs like one taken by hand. A failure is logged and
 * recorded; the alert "backup-stale" tells the admins. Returns the function that stops it.
 */
export function startDailyBackup(options: DailyBackupOptions): () => void {
  let timer: NodeJS.Timeout | undefined;
  const schedule = () => {
    const wait = nextDailyRun(options.at, new Date()).getTime() - Date.now();
    timer = setTimeout(async () => {
      try {
        const backup = await takeBackup({ ...options, backupDir: path.resolve(options.backupDir) });
        console.log(
          `[backup] ${backup.name}: ${backup.verified ? 'verified' : `NOT verified (${backup.problems.join(' ')})`}, ${Math.round(backup.ms / 1000)} s`,
        );
      } catch (error) {
        console.error(`[backup] daily backup failed: ${(error as Error).message}`);
      }
      schedule();
    }, wait);
    timer.unref();
  };
  schedule();
  console.log(`[backup] daily at ${options.at} into ${path.resolve(options.backupDir)}`);
  return () => clearTimeout(timer);
}
