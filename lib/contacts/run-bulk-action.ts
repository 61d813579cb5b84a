import 'server-only';
import { inTransaction } from '../db/transaction';
import type { BulkActionState } from '../generated/prisma/enums';
import type { BulkActionToApply } from './apply-bulk-action-chunk';
import { applyBulkActionChunk } from './apply-bulk-action-chunk';

/** Contacts per transaction: large enough to be set-based, small enough to hold locks briefly. */
export const BULK_CHUNK_SIZE = 5_000;

export interface RunBulkActionOptions {
  bulkActionId: string;
  /** Stop after this many chunks (a cron run's share); the rest waits for the next run. */
  chunkLimit?: number;
}

/**
 * Works through a bulk action's frozen contacts a chunk at a time. The action's
 * row is locked for each chunk (`SKIP LOCKED`: a second runner steps aside) and its
 * progress moves in the chunk's transaction, so a run that dies resumes exactly
 * where it stopped.
 */
export async function runBulkAction({ bulkActionId, chunkLimit = Infinity }: RunBulkActionOptions) {
  let last: { done: number; total: number; state: BulkActionState } | null = null;
  for (let chunk = 0; chunk < chunkLimit; chunk++) {
    const step = await inTransaction(async (tx) => {
      const {
        rows: [action],
      } = await tx.query<BulkActionToApply & { total: number; done: number; state: BulkActionState }>(
        `SELECT id, "tenantId", kind, tags, reason, "createdById", total, done, state
         FROM bulk_actions WHERE id = $1::uuid FOR UPDATE SKIP LOCKED`,
        [bulkActionId],
      );
      if (!action || action.state === 'DONE') return null;
      const through = Math.min(action.done + BULK_CHUNK_SIZE, action.total);
      await applyBulkActionChunk(tx, { action, after: action.done, through });
      const state: BulkActionState = through >= action.total ? 'DONE' : 'RUNNING';
      await tx.query(
        `UPDATE bulk_actions SET done = $2, "updatedAt" = now(),
           state = (CASE WHEN $3::boolean THEN 'DONE' ELSE 'RUNNING' END)::"BulkActionState",
           "finishedAt" = CASE WHEN $3::boolean THEN now() END
         WHERE id = $1::uuid`,
        [bulkActionId, through, state === 'DONE'],
      );
      return { done: through, total: action.total, state };
    });
    if (!step) break;
    last = step;
    if (step.state === 'DONE') break;
  }
  return last;
}
