import 'server-only';
import type { Actor } from '../auth/actor';
import { db } from '../db/client';
import { NO_HEADLINE, readCampaignsFigures } from '../campaign-stats/read-campaigns-figures';
import { deliveryRate } from '../sending/message-figures';

export interface ListCampaignsOptions {
  actor: Actor;
}

export async function listCampaigns({ actor }: ListCampaignsOptions) {
  const campaigns = await db().campaign.findMany({
    where: { tenantId: actor.tenantId },
    orderBy: { createdAt: 'desc' },
    take: 200,
    select: {
      id: true,
      name: true,
      status: true,
      scheduledAt: true,
      launchedAt: true,
      createdAt: true,
      pausedReason: true,
    },
  });
  const headlines = await readCampaignsFigures({ tenantId: actor.tenantId, campaignIds: campaigns.map((c) => c.id) });
  return campaigns.map((c) => {
    const { total, ...figures } = (headlines.get(c.id) ?? NO_HEADLINE).figures;
    return { ...c, total, figures, deliveryRate: deliveryRate(figures) };
  });
}
