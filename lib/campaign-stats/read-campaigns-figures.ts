import 'server-only';
import { pgPool } from '../db/pg-pool';
import type { MessageFigures } from '../sending/message-figures';

export interface ReadCampaignsFiguresOptions {
  tenantId: string;
  campaignIds: readonly string[];
}

export interface CampaignHeadline {
  figures: MessageFigures & { total: number };
  /** Not yet taken by the provider: queued (held ones included) or being handed over. */
  toGo: number;
  /** Queued but held by a gate (counted among waiting too). */
  held: number;
  /** What the provider was paid for the campaign's messages. */
  spentMicros: number;
  humanClicks: number;
  botClicks: number;
  /** Recipients who opened their link as a person. */
  people: number;
  visitors: number;
}

export const NO_HEADLINE: CampaignHeadline = {
  figures: {
    total: 0,
    waiting: 0,
    sent: 0,
    delivered: 0,
    failed: 0,
    failedAfterSending: 0,
    awaitingReport: 0,
    skipped: 0,
  },
  toGo: 0,
  held: 0,
  spentMicros: 0,
  humanClicks: 0,
  botClicks: 0,
  people: 0,
  visitors: 0,
};

/** Each listed campaign's headline figures from the report aggregates: a few rows per campaign, whatever its size. */
export async function readCampaignsFigures({
  tenantId,
  campaignIds,
}: ReadCampaignsFiguresOptions): Promise<Map<string, CampaignHeadline>> {
  const values = [tenantId, campaignIds];
  const [jobs, clicks] = await Promise.all([
    pgPool().query<
      MessageFigures & { campaignId: string; total: number; toGo: number; held: number; spentMicros: number }
    >(
      `SELECT "campaignId", sum(jobs)::int AS total,
              coalesce(sum(jobs) FILTER (WHERE state IN ('QUEUED', 'SENDING')), 0)::int AS waiting,
              coalesce(sum(jobs) FILTER (WHERE handed), 0)::int AS sent,
              coalesce(sum(jobs) FILTER (WHERE state = 'DELIVERED'), 0)::int AS delivered,
              coalesce(sum(jobs) FILTER (WHERE state IN ('FAILED', 'UNDELIVERED')), 0)::int AS failed,
              coalesce(sum(jobs) FILTER (WHERE state IN ('FAILED', 'UNDELIVERED') AND handed), 0)::int AS "failedAfterSending",
              coalesce(sum(jobs) FILTER (WHERE state = 'SENT'), 0)::int AS "awaitingReport",
              coalesce(sum(jobs) FILTER (WHERE state = 'SKIPPED'), 0)::int AS skipped,
              coalesce(sum(jobs) FILTER (WHERE state IN ('QUEUED', 'SENDING') AND NOT handed), 0)::int AS "toGo",
              coalesce(sum(jobs) FILTER (WHERE held), 0)::int AS held,
              coalesce(sum("costMicros") FILTER (WHERE handed), 0)::float8 AS "spentMicros"
         FROM campaign_job_counts() WHERE "tenantId" = $1::uuid AND "campaignId" = ANY($2::uuid[])
        GROUP BY "campaignId"`,
      values,
    ),
    pgPool().query<{ campaignId: string; humanClicks: number; botClicks: number; people: number; visitors: number }>(
      `SELECT "campaignId", sum("humanClicks")::int AS "humanClicks", sum("botClicks")::int AS "botClicks",
              sum(people)::int AS people, sum(visitors)::int AS visitors
         FROM campaign_click_stats WHERE "tenantId" = $1::uuid AND "campaignId" = ANY($2::uuid[])
        GROUP BY "campaignId"`,
      values,
    ),
  ]);
  const headlines = new Map<string, CampaignHeadline>();
  for (const { campaignId, spentMicros, toGo, held, ...figures } of jobs.rows)
    headlines.set(campaignId, { ...NO_HEADLINE, figures, toGo, held, spentMicros });
  for (const { campaignId, ...k } of clicks.rows)
    headlines.set(campaignId, { ...(headlines.get(campaignId) ?? NO_HEADLINE), ...k });
  return headlines;
}
