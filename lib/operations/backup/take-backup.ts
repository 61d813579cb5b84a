import { openBackupConnection } from './backup-connection';
import { pruneBackups } from './prune-backups';
import { recordBackupRun } from './record-backup-run';
import { verifyBackupFiles } from './verify-backup-files';
import { writeBackup, backupName, type WriteBackupOptions, type WrittenBackup } from './write-backup';

const UNDEFINED_TABLE = '42P01';

export interface TakeBackupOptions extends WriteBackupOptions {
  keepDaily: number;
}

export interface TakenBackup extends WrittenBackup {
  verified: boolean;
  problems: string[];
  removed: string[];
  ms: number;
}

/**
 * What `npm run db:backup` and the daily backup do: write the backup, read its files
 * back against the manifest, record the outcome in the database, and only after a
 * verified backup apply retention. A failed backup is recorded too, so health and the
 * alert see it.
 */
export async function takeBackup(options: TakeBackupOptions): Promise<TakenBackup> {
  const started = performance.now();
  const startedAt = options.now ?? new Date();
  const record = async (run: Parameters<typeof recordBackupRun>[1]) => {
    const client = await openBackupConnection(options.databaseUrl);
    try {
      await recordBackupRun(client, run);
    } catch (error) {
      // A database older than the backup_runs table is still backed up; it just keeps no record.
      if ((error as { code?: string }).code !== UNDEFINED_TABLE) throw error;
    } finally {
      await client.end();
    }
  };
  let written: WrittenBackup;
  try {
    written = await writeBackup({ ...options, now: startedAt });
  } catch (error) {
    await record({
      name: backupName(startedAt),
      location: options.backupDir,
      startedAt,
      finishedAt: new Date(),
      sizeBytes: 0,
      tableCount: 0,
      rowCount: 0,
      verified: false,
      error: (error as Error).message,
    }).catch(() => {});
    throw error;
  }
  const verification = await verifyBackupFiles(written.location, written.manifest);
  await record({
    name: written.name,
    location: written.location,
    startedAt,
    finishedAt: new Date(),
    sizeBytes: written.sizeBytes,
    tableCount: written.manifest.tables.length,
    rowCount: written.manifest.tables.reduce((sum, t) => sum + t.rows, 0),
    verified: verification.verified,
    error: verification.problems.join(' ') || null,
  });
  const removed = verification.verified
    ? await pruneBackups({ backupDir: options.backupDir, keepDaily: options.keepDaily, keep: written.name })
    : [];
  return { ...written, ...verification, removed, ms: Math.round(performance.now() - started) };
}
