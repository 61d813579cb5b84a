import 'server-only';
import { pgPool } from '../db/pg-pool';
import { NONE_ID, type CampaignScope, type CampaignStats } from './campaign-stats';
import { readCampaignJobCounts } from './read-campaign-job-counts';

export type ReadCampaignStatsOptions = CampaignScope;

const orNull = (column: string) => `nullif(${column}, '${NONE_ID}')`;

/**
 * A campaign's counts from the aggregates the database keeps as jobs, clicks, opt-outs
 * and replies are written (migration report_aggregates): a few hundred rows whatever the
 * campaign's size, summed over their shards. recountCampaignStats gives the same from the rows.
 */
export async function readCampaignStats({ tenantId, campaignId }: ReadCampaignStatsOptions): Promise<CampaignStats> {
  const values = [tenantId, campaignId];
  const pool = pgPool();
  const [jobs, clicks, timeline, regions, attributions] = await Promise.all([
    readCampaignJobCounts({ tenantId, campaignId }),
    pool.query<CampaignStats['clicks'][number] & { visitors: number }>(
      `SELECT ${orNull('"templateId"')} AS "templateId", sum("humanClicks")::int AS "humanClicks", sum("botClicks")::int AS "botClicks",
              sum(people)::int AS people, sum(sum(visitors)) OVER ()::int AS visitors
         FROM campaign_click_stats WHERE "campaignId" = $2::uuid AND "tenantId" = $1::uuid
        GROUP BY "templateId"`,
      values,
    ),
    pool.query<CampaignStats['timeline'][number]>(
      `SELECT at, sum(sends)::int AS sends, sum(deliveries)::int AS deliveries, sum(clicks)::int AS clicks
         FROM campaign_timeline_stats WHERE "campaignId" = $2::uuid AND "tenantId" = $1::uuid
        GROUP BY at HAVING sum(sends) <> 0 OR sum(deliveries) <> 0 OR sum(clicks) <> 0 ORDER BY at`,
      values,
    ),
    pool.query<CampaignStats['regions'][number]>(
      `SELECT nullif("timeZone", '') AS "timeZone", nullif(state, '') AS state, nullif(postcode, '') AS postcode, "foreign",
              sum(sent)::int AS sent, sum(delivered)::int AS delivered, sum("failedAfterSending")::int AS "failedAfterSending",
              sum(clicked)::int AS clicked
         FROM campaign_region_stats WHERE "campaignId" = $2::uuid AND "tenantId" = $1::uuid
        GROUP BY "timeZone", state, postcode, "foreign"
       HAVING sum(sent) <> 0 OR sum(delivered) <> 0 OR sum("failedAfterSending") <> 0 OR sum(clicked) <> 0`,
      values,
    ),
    pool.query<CampaignStats['attributions'][number]>(
      `SELECT kind, "templateId", source, report_bucket("firstAt") AS at, count(*)::int AS people, sum(events)::int AS events
         FROM campaign_attributions WHERE "campaignId" = $2::uuid AND "tenantId" = $1::uuid
        GROUP BY 1, 2, 3, 4`,
      values,
    ),
  ]);
  return {
    jobs,
    clicks: clicks.rows.map(({ templateId, humanClicks, botClicks, people }) => ({
      templateId,
      humanClicks,
      botClicks,
      people,
    })),
    visitors: clicks.rows[0]?.visitors ?? 0,
    timeline: timeline.rows,
    regions: regions.rows,
    attributions: attributions.rows,
  };
}
