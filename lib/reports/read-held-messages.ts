import 'server-only';
import type { Actor } from '../auth/actor';
import { readHeldReasons, type HeldReason } from '../campaign-stats/read-held-reasons';
import { pgPool } from '../db/pg-pool';

export interface ReadHeldMessagesOptions {
  actor: Actor;
}

export interface HeldCampaign {
  id: string;
  name: string;
  held: number;
  reasons: Omit<HeldReason, 'campaignId'>[];
}

export interface HeldMessages {
  /** Messages of running and paused campaigns a gate is holding back. */
  total: number;
  campaigns: HeldCampaign[];
}

/**
 * Messages held by a gate (budget, quiet hours, warm-up, rate limits, the frequency cap, a
 * pause) and why, per campaign, most held first. Which campaigns hold any comes from the
 * aggregates; only those campaigns' held jobs are read for their reasons.
 */
export async function readHeldMessages({ actor }: ReadHeldMessagesOptions): Promise<HeldMessages> {
  const tenantId = actor.tenantId;
  const { rows: campaigns } = await pgPool().query<{ id: string; name: string; held: number }>(
    `SELECT c.id, c.name, sum(s.jobs)::int AS held
       FROM campaigns c JOIN campaign_job_counts() s ON s."tenantId" = c."tenantId" AND s."campaignId" = c.id AND s.held
      WHERE c."tenantId" = $1::uuid AND c.status IN ('RUNNING', 'PAUSED')
      GROUP BY c.id, c.name HAVING sum(s.jobs) > 0
      ORDER BY 3 DESC, c.name`,
    [tenantId],
  );
  const reasons = await readHeldReasons({ tenantId, campaignIds: campaigns.map((c) => c.id) });
  return {
    total: campaigns.reduce((n, c) => n + c.held, 0),
    campaigns: campaigns.map((c) => ({
      ...c,
      reasons: reasons
        .filter((r) => r.campaignId === c.id)
        .map((r) => ({ reason: r.reason, count: r.count, until: r.until })),
    })),
  };
}
