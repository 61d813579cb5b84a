import 'server-only';
import type { Actor } from '../auth/actor';
import { db } from '../db/client';
import { pgPool } from '../db/pg-pool';
import { MESSAGE_FIGURES_SQL, NO_MESSAGES, deliveryRate, type MessageFigures } from '../sending/message-figures';

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
  const { rows } = await pgPool().query<MessageFigures & { campaignId: string }>(
    `SELECT "campaignId", ${MESSAGE_FIGURES_SQL}
       FROM send_jobs WHERE "tenantId" = $1::uuid AND "campaignId" = ANY($2::uuid[])
      GROUP BY "campaignId"`,
    [actor.tenantId, campaigns.map((c) => c.id)],
  );
  const byCampaign = new Map(rows.map(({ campaignId, ...figures }) => [campaignId, figures]));
  return campaigns.map((c) => {
    const figures = byCampaign.get(c.id) ?? NO_MESSAGES;
    return { ...c, figures, deliveryRate: deliveryRate(figures) };
  });
}
