import 'server-only';
import { inTransaction } from '../db/transaction';

/** What a dry run that failed for a reason the user cannot see says. */
export const UNEXPECTED_DRY_RUN_FAILURE =
  'The dry run failed unexpectedly. Try again; if it keeps failing, check the file.';

export interface FailDryRunOptions {
  tenantId: string;
  batchId: string;
  /** What the user reads on the import, in words they can act on. */
  message: string;
}

/**
 * Marks a dry run failed and takes back its decisions, so nothing half-checked can
 * be committed. Both land together: once the batch says it failed, a new dry run
 * may start, and nothing of this one may still be on its way to touch it.
 */
export async function failDryRun({ tenantId, batchId, message }: FailDryRunOptions): Promise<void> {
  await inTransaction(async (tx) => {
    // A dry run that has already ended (its thread died on the way out) keeps its result.
    const { rowCount } = await tx.query(
      `UPDATE import_batches SET status = 'FAILED', error = $3, "processedRows" = 0, "createCount" = 0, "updateCount" = 0, "unchangedCount" = 0, "rejectCount" = 0, "analysedAt" = NULL
       WHERE id = $1 AND "tenantId" = $2 AND status = 'ANALYSING'`,
      [batchId, tenantId, message],
    );
    if (!rowCount) return;
    // A clean-up the database refuses too must not leave the batch "checking" for ever:
    // without analysedAt its rows cannot be committed, and the next dry run deletes them.
    await tx.query('SAVEPOINT take_back_rows');
    try {
      await tx.query('DELETE FROM import_rows WHERE "batchId" = $1 AND "tenantId" = $2', [batchId, tenantId]);
    } catch (error) {
      console.error('[imports] could not take back the decisions of a failed dry run', error);
      await tx.query('ROLLBACK TO SAVEPOINT take_back_rows');
    }
  });
}
