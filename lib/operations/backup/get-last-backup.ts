import 'server-only';
import { pgPool } from '../../db/pg-pool';

export interface LastBackup {
  name: string;
  finishedAt: Date;
  sizeBytes: number;
  rowCount: number;
  verified: boolean;
  error: string | null;
}

/** The installation's newest backup as `backup_runs` records it, for admins; null before the first. */
export async function getLastBackup(): Promise<LastBackup | null> {
  const { rows } = await pgPool().query<{
    name: string;
    finishedAt: Date;
    sizeBytes: string;
    rowCount: string;
    verified: boolean;
    error: string | null;
  }>(
    `SELECT name, "finishedAt", "sizeBytes"::text AS "sizeBytes", "rowCount"::text AS "rowCount", verified, error
     FROM backup_runs ORDER BY "finishedAt" DESC LIMIT 1`,
  );
  const row = rows[0];
  return row ? { ...row, sizeBytes: Number(row.sizeBytes), rowCount: Number(row.rowCount) } : null;
}
