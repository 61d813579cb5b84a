import type pg from 'pg';

export interface BackupRunRecord {
  name: string;
  location: string;
  startedAt: Date;
  finishedAt: Date;
  sizeBytes: number;
  tableCount: number;
  rowCount: number;
  verified: boolean;
  error: string | null;
}

/** Writes a backup's outcome into the database it backed up, where health, alerts and admins read it. */
export async function recordBackupRun(client: pg.ClientBase, run: BackupRunRecord): Promise<void> {
  await client.query(
    `INSERT INTO backup_runs (name, location, "startedAt", "finishedAt", "sizeBytes", "tableCount", "rowCount", verified, error)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
    [
      run.name,
      run.location,
      run.startedAt,
      run.finishedAt,
      run.sizeBytes,
      run.tableCount,
      run.rowCount,
      run.verified,
      run.error,
    ],
  );
}
