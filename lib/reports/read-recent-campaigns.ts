import 'server-only';
import type { Actor } from '../auth/actor';
import { NO_HEADLINE, readCampaignsFigures } from '../campaign-stats/read-campaigns-figures';
import { pgPool } from '../db/pg-pool';
import type { CampaignStatus } from '../generated/prisma/enums';
import { deliveryRate } from '../sending/message-figures';

export interface ReadRecentCampaignsOptions {
  actor: Actor;
}

export interface RecentCampaign {
  id: string;
  name: string;
  status: CampaignStatus;
  launchedAt: string;
  sent: number;
  delivered: number;
  deliveryRate: number | null;
  /** Recipients who opened their link as a person. */
  clicked: number;
  /** People whose opt-out the campaign caused (within 7 days of its message, the latest they had). */
  optedOut: number;
  spentMicros: number;
}

export const RECENT_CAMPAIGNS = 5;

/** The workspace's five most recently launched campaigns with their headline figures, from the aggregates. */
export async function readRecentCampaigns({ actor }: ReadRecentCampaignsOptions): Promise<RecentCampaign[]> {
  const tenantId = actor.tenantId;
  const { rows: campaigns } = await pgPool().query<{
    id: string;
    name: string;
    status: CampaignStatus;
    launchedAt: Date;
  }>(
    `SELECT id, name, status, "launchedAt" FROM campaigns
      WHERE "tenantId" = $1::uuid AND "launchedAt" IS NOT NULL
      ORDER BY "launchedAt" DESC, id DESC LIMIT ${RECENT_CAMPAIGNS}`,
    [tenantId],
  );
  const campaignIds = campaigns.map((c) => c.id);
  const [headlines, optOuts] = await Promise.all([
    readCampaignsFigures({ tenantId, campaignIds }),
    pgPool().query<{ campaignId: string; people: number }>(
      `SELECT "campaignId", count(*)::int AS people FROM campaign_attributions
        WHERE "campaignId" = ANY($2::uuid[]) AND kind = 'opt_out' AND "tenantId" = $1::uuid
        GROUP BY 1`,
      [tenantId, campaignIds],
    ),
  ]);
  return campaigns.map((c) => {
    const { figures, people, spentMicros } = headlines.get(c.id) ?? NO_HEADLINE;
    return {
      id: c.id,
      name: c.name,
      status: c.status,
      launchedAt: c.launchedAt.toISOString(),
      sent: figures.sent,
      delivered: figures.delivered,
      deliveryRate: deliveryRate(figures),
      clicked: people,
      optedOut: optOuts.rows.find((o) => o.campaignId === c.id)?.people ?? 0,
      spentMicros,
    };
  });
}
