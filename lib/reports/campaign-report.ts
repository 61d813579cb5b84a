import 'server-only';
import type { Actor } from '../auth/actor';
import { db } from '../db/client';
import { deliveryRate } from '../sending/message-figures';
import { NO_HEADLINE, readCampaignsFigures } from '../campaign-stats/read-campaigns-figures';

export interface CampaignReportOptions {
  actor: Actor;
}

/**
 * Per-campaign outcome: delivered is the success figure (never sent); clicks are
 * split into people and bots. Each recipient gets their own short link, so the
 * people who clicked are the links a person opened; visitors (a salted daily
 * hash of address and browser) are counted too, for links shared onwards. Read
 * from the report aggregates, which retention leaves in place when it removes a
 * finished campaign's rows.
 */
export async function campaignReport({ actor }: CampaignReportOptions) {
  const campaigns = await db().campaign.findMany({
    where: { tenantId: actor.tenantId },
    orderBy: { createdAt: 'desc' },
    take: 200,
    select: { id: true, name: true },
  });
  const headlines = await readCampaignsFigures({ tenantId: actor.tenantId, campaignIds: campaigns.map((c) => c.id) });
  return campaigns.map((c) => {
    const { figures, humanClicks, people, visitors, botClicks } = headlines.get(c.id) ?? NO_HEADLINE;
    return {
      id: c.id,
      name: c.name,
      total: figures.total,
      sent: figures.sent,
      delivered: figures.delivered,
      deliveryRate: deliveryRate(figures),
      failed: figures.failed,
      skipped: figures.skipped,
      humanClicks,
      people,
      clickRate: figures.delivered > 0 ? people / figures.delivered : null,
      uniqueHumans: visitors,
      botClicks,
    };
  });
}
