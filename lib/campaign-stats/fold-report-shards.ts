import 'server-only';
import { pgPool } from '../db/pg-pool';

/**
 * Folds the counter rows each writing transaction added (report aggregates, the job
 * change log, workspace contact and DNC counts) into one row per key, so readers sum
 * few rows; the figures do not change. A second fold at the same time returns at once.
 */
export async function foldReportShards(): Promise<void> {
  await pgPool().query('SELECT fold_report_shards(); SELECT fold_tenant_counts()');
}
