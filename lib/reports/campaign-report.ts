import 'server-only';
import type { Actor } from '../auth/actor';
import { db } from '../db/client';
import { pgPool } from '../db/pg-pool';
import { MESSAGE_FIGURES_SQL, NO_MESSAGES, deliveryRate, type MessageFigures } from '../sending/message-figures';

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
  const [campaigns, jobs, clicks] = await Promise.all([
    db().campaign.findMany({
      where: { tenantId: actor.tenantId },
      orderBy: { createdAt: 'desc' },
      take: 200,
      select: { id: true, name: true },
    }),
    pgPool().query<MessageFigures & { campaignId: string; total: number }>(
      // A campaign pruned by retention reads its totals; by then a message with no final
      // report never got one, so it counts as not delivered.
      `SELECT "campaignId", count(*)::int AS total, ${MESSAGE_FIGURES_SQL}
         FROM send_jobs WHERE "tenantId" = $1::uuid GROUP BY "campaignId"
       UNION ALL
       SELECT "campaignId", total, 0, sent, delivered, failed, sent - delivered, 0, skipped
         FROM campaign_totals WHERE "tenantId" = $1::uuid`,
      [actor.tenantId],
    ),
    pgPool().query<{
      campaignId: string;
      humanClicks: number;
      people: number;
      uniqueHumans: number;
      botClicks: number;
    }>(
      `SELECT "campaignId",
              count(*) FILTER (WHERE NOT "isBot")::int AS "humanClicks",
              count(DISTINCT "shortLinkId") FILTER (WHERE NOT "isBot")::int AS people,
              count(DISTINCT "visitorHash") FILTER (WHERE NOT "isBot")::int AS "uniqueHumans",
              count(*) FILTER (WHERE "isBot")::int AS "botClicks"
         FROM clicks WHERE "tenantId" = $1::uuid GROUP BY "campaignId"
       UNION ALL
       SELECT "campaignId", "humanClicks", people, "uniqueHumans", "botClicks"
         FROM campaign_totals WHERE "tenantId" = $1::uuid`,
      [actor.tenantId],
    ),
  ]);
  const jobsOf = new Map(jobs.rows.map((j) => [j.campaignId, j]));
  const clicksOf = new Map(clicks.rows.map((k) => [k.campaignId, k]));
  return campaigns.map((c) => {
    const jobs = jobsOf.get(c.id);
    const figures: MessageFigures = jobs ?? NO_MESSAGES;
    const k = clicksOf.get(c.id) ?? { humanClicks: 0, people: 0, uniqueHumans: 0, botClicks: 0 };
    return {
      id: c.id,
      name: c.name,
      total: jobs?.total ?? 0,
      sent: figures.sent,
      delivered: figures.delivered,
      deliveryRate: deliveryRate(figures),
      failed: figures.failed,
      skipped: figures.skipped,
      humanClicks: k.humanClicks,
      people: k.people,
      clickRate: figures.delivered > 0 ? k.people / figures.delivered : null,
      uniqueHumans: k.uniqueHumans,
      botClicks: k.botClicks,
    };
  });
}
