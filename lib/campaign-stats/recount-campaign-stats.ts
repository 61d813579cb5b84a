import 'server-only';
import { pgPool } from '../db/pg-pool';
import { OPT_OUT_WINDOW_DAYS, type CampaignScope, type CampaignStats } from './campaign-stats';

export type RecountCampaignStatsOptions = CampaignScope;

/**
 * Opt-outs and ordinary replies credited to the campaign, from the rows: each event
 * goes to the latest message its person had been sent, when within the window; a
 * person counts once per campaign, at their first event. $1 tenant, $2 campaign.
 */
const ATTRIBUTED_EVENTS_SQL = `
  SELECT e.kind, e."contactId", j."templateId", e.source, e.at
    FROM (SELECT "contactId", 'opt_out' AS kind, source, "occurredAt" AS at FROM consent_events
           WHERE "tenantId" = $1::uuid AND action = 'OPTED_OUT' AND source IN ('stop_reply', 'advanced_opt_out', 'web_unsubscribe')
          UNION ALL
          SELECT "contactId", 'reply', 'reply', "receivedAt" FROM inbound_messages
           WHERE "tenantId" = $1::uuid AND keyword = 'NONE' AND "contactId" IS NOT NULL) e
    JOIN LATERAL (SELECT s."campaignId", s."templateId" FROM send_jobs s
                   WHERE s."tenantId" = $1::uuid AND s."contactId" = e."contactId"
                     AND s."sentAt" <= e.at AND e.at < s."sentAt" + interval '${OPT_OUT_WINDOW_DAYS} days'
                   ORDER BY s."sentAt" DESC, s.id DESC LIMIT 1) j ON j."campaignId" = $2::uuid`;

/**
 * The same counts as readCampaignStats, from a scan of the campaign's jobs, links and
 * clicks and the workspace's opt-outs and replies: what the aggregates must always equal,
 * and the full scan the reports benchmark sets them beside.
 */
export async function recountCampaignStats({
  tenantId,
  campaignId,
}: RecountCampaignStatsOptions): Promise<CampaignStats> {
  const values = [tenantId, campaignId];
  const pool = pgPool();
  const [jobs, clicks, visitors, timeline, regions, attributions] = await Promise.all([
    pool.query<CampaignStats['jobs'][number]>(
      `SELECT "templateId", "sendingNumberId", state, "providerMessageId" IS NOT NULL AS handed,
              (state = 'QUEUED' AND gate IS NOT NULL AND gate <> 'retry') AS held, "errorCode", attempts > 1 AS retried,
              count(*)::int AS jobs, coalesce(sum(parts), 0)::float8 AS parts, coalesce(sum("costMicros"), 0)::float8 AS "costMicros"
         FROM send_jobs WHERE "tenantId" = $1::uuid AND "campaignId" = $2::uuid
        GROUP BY 1, 2, 3, 4, 5, 6, 7`,
      values,
    ),
    pool.query<CampaignStats['clicks'][number]>(
      `SELECT j."templateId", count(*) FILTER (WHERE NOT c."isBot")::int AS "humanClicks",
              count(*) FILTER (WHERE c."isBot")::int AS "botClicks",
              count(DISTINCT c."shortLinkId") FILTER (WHERE NOT c."isBot")::int AS people
         FROM clicks c JOIN short_links l ON l.id = c."shortLinkId" LEFT JOIN send_jobs j ON j.id = l."sendJobId"
        WHERE c."tenantId" = $1::uuid AND c."campaignId" = $2::uuid
        GROUP BY 1`,
      values,
    ),
    pool.query<{ visitors: number }>(
      `SELECT count(DISTINCT "visitorHash")::int AS visitors
         FROM clicks WHERE "tenantId" = $1::uuid AND "campaignId" = $2::uuid AND NOT "isBot"`,
      values,
    ),
    pool.query<CampaignStats['timeline'][number]>(
      `SELECT at, sum(sends)::int AS sends, sum(deliveries)::int AS deliveries, sum(clicks)::int AS clicks
         FROM (SELECT report_bucket("sentAt") AS at, 1 AS sends, 0 AS deliveries, 0 AS clicks
                 FROM send_jobs WHERE "tenantId" = $1::uuid AND "campaignId" = $2::uuid AND "sentAt" IS NOT NULL
               UNION ALL
               SELECT report_bucket("deliveredAt"), 0, 1, 0
                 FROM send_jobs WHERE "tenantId" = $1::uuid AND "campaignId" = $2::uuid AND state = 'DELIVERED' AND "deliveredAt" IS NOT NULL
               UNION ALL
               SELECT report_bucket("occurredAt"), 0, 0, 1
                 FROM clicks WHERE "tenantId" = $1::uuid AND "campaignId" = $2::uuid AND NOT "isBot") t
        GROUP BY at ORDER BY at`,
      values,
    ),
    pool.query<CampaignStats['regions'][number]>(
      `SELECT nullif(split_part(region, '|', 1), '') AS "timeZone", nullif(split_part(region, '|', 2), '') AS state,
              nullif(split_part(region, '|', 3), '') AS postcode, "foreign", sum(sent)::int AS sent, sum(delivered)::int AS delivered,
              sum(failed)::int AS "failedAfterSending", sum(clicked)::int AS clicked
         FROM (SELECT coalesce(j."regionKey", '||') AS region, NOT j."toE164" LIKE '+61%' AS "foreign", 1 AS sent,
                      (j.state = 'DELIVERED')::int AS delivered, (j.state IN ('FAILED', 'UNDELIVERED'))::int AS failed, 0 AS clicked
                 FROM send_jobs j
                WHERE j."tenantId" = $1::uuid AND j."campaignId" = $2::uuid AND j."providerMessageId" IS NOT NULL
               UNION ALL
               SELECT coalesce(j."regionKey", '||'), NOT j."toE164" LIKE '+61%', 0, 0, 0, 1
                 FROM send_jobs j
                WHERE j."tenantId" = $1::uuid AND j."campaignId" = $2::uuid
                  AND EXISTS (SELECT 1 FROM short_links l JOIN clicks c ON c."shortLinkId" = l.id
                               WHERE l."sendJobId" = j.id AND NOT c."isBot")) r
        GROUP BY 1, 2, 3, 4`,
      values,
    ),
    pool.query<CampaignStats['attributions'][number]>(
      `SELECT kind, "templateId", source, report_bucket(at) AS at, count(*)::int AS people, sum(events)::int AS events
         FROM (SELECT kind, "contactId", min("templateId"::text)::uuid AS "templateId",
                      (array_agg(source ORDER BY at))[1] AS source, min(at) AS at, count(*) AS events
                 FROM (${ATTRIBUTED_EVENTS_SQL}) e GROUP BY kind, "contactId") p
        GROUP BY 1, 2, 3, 4`,
      values,
    ),
  ]);
  return {
    jobs: jobs.rows,
    clicks: clicks.rows,
    visitors: visitors.rows[0].visitors,
    timeline: timeline.rows,
    regions: regions.rows,
    attributions: attributions.rows,
  };
}
