import 'server-only';
import { pgPool } from '../db/pg-pool';

export interface RecordDrainRunOptions {
  startedAt: Date;
  finishedAt: Date;
  claimed: number;
  sent: number;
  failed: number;
  error: string | null;
}

/**
 * Notes one run of the scheduled drain, whichever instance ran it, so health, alerts
 * and metrics read the same answer from every instance. One statement belonging with
 * nothing else, so it runs on the pool.
 */
export async function recordDrainRun(run: RecordDrainRunOptions): Promise<void> {
  await pgPool().query(
    `INSERT INTO drain_runs ("startedAt", "finishedAt", claimed, sent, failed, ok, error)
     VALUES ($1, $2, $3, $4, $5, $6, $7)`,
    [run.startedAt, run.finishedAt, run.claimed, run.sent, run.failed, run.error === null, run.error],
  );
}
