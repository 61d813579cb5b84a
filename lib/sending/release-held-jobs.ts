import 'server-only';
import type { Queryable } from '../db/queryable';
import { HELD_UNTIL_RESUMED } from './gates/gate';

/**
 * Jobs a pause or the kill switch held wait at a far-future time; when their
 * campaign may send again they go back in line now. Jobs of campaigns still
 * paused stay where they are.
 */
export interface ReleaseHeldJobsOptions {
  tenantId: string;
  /** Only this campaign's jobs; every campaign of the tenant when left out. */
  campaignId?: string;
  now: Date;
}

export async function releaseHeldJobs(tx: Queryable, options: ReleaseHeldJobsOptions): Promise<number> {
  const { rowCount } = await tx.query(
    `UPDATE send_jobs j SET "nextAttemptAt" = $1::timestamp, gate = NULL, "gateReason" = NULL, "updatedAt" = $1::timestamp
     FROM campaigns c
     WHERE c.id = j."campaignId" AND c."tenantId" = j."tenantId" AND c.status IN ('RUNNING', 'SCHEDULED')
       AND j."tenantId" = $2::uuid AND j.state = 'QUEUED' AND j."nextAttemptAt" >= $3::timestamp AND ($4::uuid IS NULL OR j."campaignId" = $4::uuid)`,
    [options.now.toISOString(), options.tenantId, HELD_UNTIL_RESUMED.toISOString(), options.campaignId ?? null],
  );
  return rowCount ?? 0;
}
