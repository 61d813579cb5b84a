import { readdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { readBackupManifest } from './read-backup-manifest';

export interface PruneBackupsOptions {
  backupDir: string;
  /** BACKUP_KEEP_DAILY: how many days, newest first, keep their newest backup. */
  keepDaily: number;
  /** The backup just written and verified: never removed, whatever its day. */
  keep: string;
}

const BACKUP_FOLDER = /^sms-crm-(\d{8})T\d{6}Z$/;

/**
 * Retention after a good new backup: the newest backup of each of the last `keepDaily`
 * days that have one stays, every other finished backup goes. Folders that are not
 * whole backups (no readable manifest) are left for a person to look at, so the only
 * good backup can never be the one removed.
 */
export async function pruneBackups(options: PruneBackupsOptions): Promise<string[]> {
  const names = (await readdir(options.backupDir, { withFileTypes: true }))
    .filter((e) => e.isDirectory() && BACKUP_FOLDER.test(e.name))
    .map((e) => e.name)
    .sort()
    .reverse();
  const whole: string[] = [];
  for (const name of names) {
    const readable = await readBackupManifest(path.join(options.backupDir, name)).then(
      () => true,
      () => false,
    );
    if (readable) whole.push(name);
  }
  const keptDays = new Set<string>();
  const removed: string[] = [];
  for (const name of whole) {
    const day = BACKUP_FOLDER.exec(name)![1];
    if (name === options.keep) {
      keptDays.add(day);
      continue;
    }
    if (!keptDays.has(day) && keptDays.size < options.keepDaily) {
      keptDays.add(day);
      continue;
    }
    await rm(path.join(options.backupDir, name), { recursive: true, force: true });
    removed.push(name);
  }
  return removed;
}
