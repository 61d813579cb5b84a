import 'server-only';
import type { Actor } from '../auth/actor';
import { db } from '../db/client';

export interface CampaignReportOptions {
  actor: Actor;
}

/**
 * Per-campaign outcome: delivered is the success figure (never sent); clicks are
 * split into people and bots. Each recipient gets their own short link, so the
 * people who clicked are the links a person opened; visitors (a salted daily
 * hash of address and browser) are counted too, for links shared onwards. A campaign
 * whose rows retention removed reads the totals kept for it (a campaign has either).
 */
export async function campaignReport({ actor }: CampaignReportOptions) {
  const rows = await db().$queryRaw<
    {
      id: string;
      name: string;
      total: bigint;
      sent: bigint;
      delivered: bigint;
      failed: bigint;
      skipped: bigint;
      human_clicks: bigint;
      people: bigint;
      unique_humans: bigint;
      bot_clicks: bigint;
    }[]
  >`
    SELECT c.id, c.name,
      COALESCE(j.total, 0) AS total, COALESCE(j.sent, 0) AS sent, COALESCE(j.delivered, 0) AS delivered,
      COALESCE(j.failed, 0) AS failed, COALESCE(j.skipped, 0) AS skipped,
      COALESCE(k.human_clicks, 0) AS human_clicks, COALESCE(k.people, 0) AS people, COALESCE(k.unique_humans, 0) AS unique_humans, COALESCE(k.bot_clicks, 0) AS bot_clicks
    FROM campaigns c
    LEFT JOIN (
      SELECT "campaignId",
        count(*) AS total,
        count(*) FILTER (WHERE "providerMessageId" IS NOT NULL) AS sent,
        count(*) FILTER (WHERE state = 'DELIVERED') AS delivered,
        count(*) FILTER (WHERE state IN ('FAILED', 'UNDELIVERED')) AS failed,
        count(*) FILTER (WHERE state = 'SKIPPED') AS skipped
      FROM send_jobs WHERE "tenantId" = ${actor.tenantId}::uuid GROUP BY "campaignId"
      UNION ALL
      SELECT "campaignId", total, sent, delivered, failed, skipped
      FROM campaign_totals WHERE "tenantId" = ${actor.tenantId}::uuid
    ) j ON j."campaignId" = c.id
    LEFT JOIN (
      SELECT "campaignId",
        count(*) FILTER (WHERE NOT "isBot") AS human_clicks,
        count(DISTINCT "shortLinkId") FILTER (WHERE NOT "isBot") AS people,
        count(DISTINCT "visitorHash") FILTER (WHERE NOT "isBot") AS unique_humans,
        count(*) FILTER (WHERE "isBot") AS bot_clicks
      FROM clicks WHERE "tenantId" = ${actor.tenantId}::uuid GROUP BY "campaignId"
      UNION ALL
      SELECT "campaignId", "humanClicks", people, "uniqueHumans", "botClicks"
      FROM campaign_totals WHERE "tenantId" = ${actor.tenantId}::uuid
    ) k ON k."campaignId" = c.id
    WHERE c."tenantId" = ${actor.tenantId}::uuid
    ORDER BY c."createdAt" DESC
    LIMIT 200`;
  return rows.map((r) => {
    const delivered = Number(r.delivered);
    const sent = Number(r.sent);
    return {
      id: r.id,
      name: r.name,
      total: Number(r.total),
      sent,
      delivered,
      deliveryRate: sent > 0 ? delivered / sent : null,
      failed: Number(r.failed),
      skipped: Number(r.skipped),
      humanClicks: Number(r.human_clicks),
      people: Number(r.people),
      clickRate: delivered > 0 ? Number(r.people) / delivered : null,
      uniqueHumans: Number(r.unique_humans),
      botClicks: Number(r.bot_clicks),
    };
  });
}
