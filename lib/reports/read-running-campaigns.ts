import 'server-only';
import type { Actor } from '../auth/actor';
import { NO_HEADLINE, readCampaignsFigures } from '../campaign-stats/read-campaigns-figures';
import { pgPool } from '../db/pg-pool';
import { formatCount } from '../format/number';
import { estimateCampaignFinish } from '../sending/estimate-campaign-finish';
import { loadSendingPolicies } from '../sending/load-sending-policies';

export interface ReadRunningCampaignsOptions {
  actor: Actor;
  now?: Date;
}

export interface RunningCampaign {
  id: string;
  name: string;
  status: 'RUNNING' | 'PAUSED';
  total: number;
  sent: number;
  delivered: number;
  /** Not yet taken by the carrier: queued (held ones included) or being handed over. */
  toGo: number;
  held: number;
  /** When the last message should go; null when it cannot be said (paused, or limits that never let it finish). */
  finishAt: string | null;
  /** Why the finish is what it is, in words. */
  finishNote: string;
}

/** More running at once than a dashboard can show; the campaign list has them all. */
const SHOWN = 20;

/**
 * The campaigns sending now or paused mid-way, oldest launch first, with their figures from
 * the aggregates and when each should finish: the dry run's estimate (pace, warm-up, daily
 * caps, budgets) applied to what is still waiting, as if the campaign had its numbers to itself.
 */
export async function readRunningCampaigns({
  actor,
  now = new Date(),
}: ReadRunningCampaignsOptions): Promise<RunningCampaign[]> {
  const tenantId = actor.tenantId;
  const { rows: campaigns } = await pgPool().query<{
    id: string;
    name: string;
    status: 'RUNNING' | 'PAUSED';
    pausedReason: string | null;
  }>(
    `SELECT id, name, status, "pausedReason" FROM campaigns
      WHERE "tenantId" = $1::uuid AND status IN ('RUNNING', 'PAUSED')
      ORDER BY "launchedAt" NULLS LAST, id LIMIT ${SHOWN}`,
    [tenantId],
  );
  if (!campaigns.length) return [];
  const campaignIds = campaigns.map((c) => c.id);
  const [headlines, policies] = await Promise.all([
    readCampaignsFigures({ tenantId, campaignIds }),
    loadSendingPolicies(pgPool(), { tenantIds: [tenantId], campaignIds }),
  ]);
  const tenant = policies.tenants.get(tenantId)!;
  return Promise.all(
    campaigns.map(async (c): Promise<RunningCampaign> => {
      const { figures, toGo, held, spentMicros } = headlines.get(c.id) ?? NO_HEADLINE;
      const shown = {
        id: c.id,
        name: c.name,
        status: c.status,
        total: figures.total,
        sent: figures.sent,
        delivered: figures.delivered,
        toGo,
        held,
      };
      if (tenant.paused)
        return {
          ...shown,
          finishAt: null,
          finishNote: `Sending is stopped for the whole workspace${tenant.pausedReason ? ` (${tenant.pausedReason})` : ''}.`,
        };
      if (c.status === 'PAUSED')
        return {
          ...shown,
          finishAt: null,
          finishNote: `Paused${c.pausedReason ? `: ${c.pausedReason}` : ''}; nothing more goes until it is resumed.`,
        };
      if (toGo === 0)
        return { ...shown, finishAt: null, finishNote: 'Every message has gone; the last reports are coming in.' };
      const setup = policies.campaigns.get(c.id)!;
      const finish = await estimateCampaignFinish({
        db: pgPool(),
        tenant,
        numbers: setup.numbers,
        messages: toGo,
        // What its messages have cost so far; a one-part price before the first has gone.
        averageCostMicros: figures.sent > 0 ? spentMicros / figures.sent : setup.pricePerPartMicros,
        now,
      });
      return {
        ...shown,
        finishAt: finish.finishAt?.toISOString() ?? null,
        finishNote: finish.finishAt
          ? `${formatCount(toGo)} to go, limited by ${finish.limits.join(', ')}.`
          : `Will not finish: ${finish.limits.join(', ')}.`,
      };
    }),
  );
}
