import 'server-only';
import { pgPool } from '../db/pg-pool';
import { runBulkAction } from './run-bulk-action';

/** A running action nobody has moved for this long lost its runner (a restart, a timeout). */
export const BULK_ACTION_STALE_AFTER_MS = 30_000;

export interface ResumeBulkActionsOptions {
  /** Chunks per action in this run, so a scheduled run stays short. */
  chunkLimit?: number;
}

/** Picks up bulk actions whose runner died and carries each on where it stopped. */
export async function resumeBulkActions({ chunkLimit = 40 }: ResumeBulkActionsOptions = {}) {
  const { rows } = await pgPool().query<{ id: string }>(
    `SELECT id FROM bulk_actions WHERE state = 'RUNNING' AND "updatedAt" < now() - make_interval(secs => $1)
     ORDER BY "updatedAt" LIMIT 5`,
    [BULK_ACTION_STALE_AFTER_MS / 1000],
  );
  for (const { id } of rows) await runBulkAction({ bulkActionId: id, chunkLimit });
  return { resumed: rows.length };
}
