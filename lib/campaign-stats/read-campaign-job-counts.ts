import 'server-only';
import { pgPool } from '../db/pg-pool';
import { NONE_ID, type CampaignScope, type JobCount } from './campaign-stats';

export type ReadCampaignJobCountsOptions = CampaignScope;

/** A campaign's job counts, summed over their counter rows and the changes not yet folded; $1 the tenant, $2 the campaign. */
export const JOB_COUNTS_SQL = `
  SELECT nullif("templateId", '${NONE_ID}') AS "templateId", nullif("sendingNumberId", '${NONE_ID}') AS "sendingNumberId",
         state, handed, held, nullif("errorCode", '') AS "errorCode", retried,
         sum(jobs)::int AS jobs, sum(parts)::float8 AS parts, sum("costMicros")::float8 AS "costMicros"
    FROM campaign_job_counts() WHERE "campaignId" = $2::uuid AND "tenantId" = $1::uuid
   GROUP BY "templateId", "sendingNumberId", state, handed, held, "errorCode", retried
  HAVING sum(jobs) <> 0 OR sum(parts) <> 0 OR sum("costMicros") <> 0`;

/** A campaign's jobs counted by state, template, number, error and hold, from the aggregates. */
export async function readCampaignJobCounts({
  tenantId,
  campaignId,
}: ReadCampaignJobCountsOptions): Promise<JobCount[]> {
  const { rows } = await pgPool().query<JobCount>(JOB_COUNTS_SQL, [tenantId, campaignId]);
  return rows;
}
