import { pgPool } from '../db/pg-pool';
import { HELD_UNTIL_RESUMED } from './gates/gate';

/** Jobs a pause held wait at a far-future time; resuming puts them back in line now. */
export async function releaseHeldJobs(options: { tenantId: string; campaignId?: string; now: Date }): Promise<number> {
  const { rowCount } = await pgPool().query(
    `UPDATE send_jobs SET "nextAttemptAt" = $1::timestamp, gate = NULL, "gateReason" = NULL, "updatedAt" = $1::timestamp
     WHERE "tenantId" = $2::uuid AND state = 'QUEUED' AND "nextAttemptAt" >= $3::timestamp AND ($4::uuid IS NULL OR "campaignId" = $4::uuid)`,
    [options.now.toISOString(), options.tenantId, HELD_UNTIL_RESUMED.toISOString(), options.campaignId ?? null],
  );
  return rowCount ?? 0;
}
