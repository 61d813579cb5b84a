import 'server-only';
import type pg from 'pg';

/** What a dry run that failed for a reason the user cannot see says. */
export const UNEXPECTED_DRY_RUN_FAILURE =
  'The dry run failed unexpectedly. Try again; if it keeps failing, check the file.';

export interface FailDryRunOptions {
  db: pg.Pool;
  tenantId: string;
  batchId: string;
  /** What the user reads on the import, in words they can act on. */
  message: string;
}

/** Marks a dry run failed and takes back its decisions, so nothing half-checked can be committed. */
export async function failDryRun({ db, tenantId, batchId, message }: FailDryRunOptions): Promise<void> {
  // The batch says it failed before anything else is tried: a clean-up the database
  // refuses too must not leave it "checking" forever. A dry run that has already
  // ended (its thread died on the way out) keeps its result.
  const { rowCount } = await db.query(
    `UPDATE import_batches SET status = 'FAILED', error = $3, "processedRows" = 0, "createCount" = 0, "updateCount" = 0, "unchangedCount" = 0, "rejectCount" = 0, "analysedAt" = NULL
     WHERE id = $1 AND "tenantId" = $2 AND status = 'ANALYSING'`,
    [batchId, tenantId, message],
  );
  if (rowCount) await db.query('DELETE FROM import_rows WHERE "batchId" = $1 AND "tenantId" = $2', [batchId, tenantId]);
}
