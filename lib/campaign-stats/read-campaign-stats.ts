import 'server-only';
import { pgPool } from '../db/pg-pool';
import { NONE_ID, type CampaignScope, type CampaignStats } from './campaign-stats';
import { JOB_COUNTS_SQL } from './read-campaign-job-counts';

export type ReadCampaignStatsOptions = CampaignScope;

const SCOPE = `"campaignId" = $2::uuid AND "tenantId" = $1::uuid`;

/** Each section as a JSON array, so the whole read is one round trip. */
const section = (sql: string) => `(SELECT coalesce(json_agg(s), '[]') FROM (${sql}) s)`;

const STATS_SQL = `
  SELECT ${section(JOB_COUNTS_SQL)} AS jobs,
         ${section(`
           SELECT nullif("templateId", '${NONE_ID}') AS "templateId", sum("humanClicks")::int AS "humanClicks",
                  sum("botClicks")::int AS "botClicks", sum(people)::int AS people
             FROM campaign_click_stats WHERE ${SCOPE} GROUP BY "templateId"`)} AS clicks,
         (SELECT coalesce(sum(visitors), 0)::int FROM campaign_click_stats WHERE ${SCOPE}) AS visitors,
         ${section(`
           SELECT at, sum(sends)::int AS sends, sum(deliveries)::int AS deliveries, sum(clicks)::int AS clicks
             FROM campaign_timeline_counts() WHERE ${SCOPE}
            GROUP BY at HAVING sum(sends) <> 0 OR sum(deliveries) <> 0 OR sum(clicks) <> 0 ORDER BY at`)} AS timeline,
         ${section(`
           SELECT nullif("timeZone", '') AS "timeZone", nullif(state, '') AS state, nullif(postcode, '') AS postcode, "foreign",
                  sum(sent)::int AS sent, sum(delivered)::int AS delivered, sum("failedAfterSending")::int AS "failedAfterSending",
                  sum(clicked)::int AS clicked
             FROM campaign_region_counts() WHERE ${SCOPE}
            GROUP BY "timeZone", state, postcode, "foreign"
           HAVING sum(sent) <> 0 OR sum(delivered) <> 0 OR sum("failedAfterSending") <> 0 OR sum(clicked) <> 0`)} AS regions,
         ${section(`
           SELECT kind, "templateId", source, report_bucket("firstAt") AS at, count(*)::int AS people, sum(events)::int AS events
             FROM campaign_attributions WHERE ${SCOPE} GROUP BY 1, 2, 3, 4`)} AS attributions`;

type Timed<T> = Omit<T, 'at'> & { at: string };

/** A UTC timestamp as json_agg writes it (no zone) back to the instant. */
const instant = (at: string) => new Date(`${at}Z`);

/**
 * A campaign's counts from the aggregates the database keeps as jobs, clicks, opt-outs
 * and replies are written (migrations report_aggregates and report_counts_per_transaction):
 * a few hundred counter rows whatever the campaign's size, plus the logged changes the
 * background cron has not folded yet, in one query. recountCampaignStats gives the same
 * from the rows.
 */
export async function readCampaignStats({ tenantId, campaignId }: ReadCampaignStatsOptions): Promise<CampaignStats> {
  const { rows } = await pgPool().query<{
    jobs: CampaignStats['jobs'];
    clicks: CampaignStats['clicks'];
    visitors: number;
    timeline: Timed<CampaignStats['timeline'][number]>[];
    regions: CampaignStats['regions'];
    attributions: Timed<CampaignStats['attributions'][number]>[];
  }>(STATS_SQL, [tenantId, campaignId]);
  const { jobs, clicks, visitors, timeline, regions, attributions } = rows[0];
  return {
    jobs,
    clicks,
    visitors,
    timeline: timeline.map((t) => ({ ...t, at: instant(t.at) })),
    regions,
    attributions: attributions.map((a) => ({ ...a, at: instant(a.at) })),
  };
}
