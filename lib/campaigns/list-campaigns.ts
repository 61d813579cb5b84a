import 'server-only';
import type { Actor } from '../auth/actor';
import { db } from '../db/client';

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
  const counts = await db().sendJob.groupBy({
    by: ['campaignId', 'state'],
    where: { tenantId: actor.tenantId, campaignId: { in: campaigns.map((c) => c.id) } },
    _count: { _all: true },
  });
  const byCampaign = new Map<string, Record<string, number>>();
  for (const row of counts) {
    const entry = byCampaign.get(row.campaignId) ?? {};
    entry[row.state] = row._count._all;
    byCampaign.set(row.campaignId, entry);
  }
  return campaigns.map((c) => ({ ...c, jobs: byCampaign.get(c.id) ?? {} }));
}
