import 'server-only';
import { pgPool } from '../db/pg-pool';
import { HELD_UNTIL_RESUMED } from '../sending/gates/gate';

/** Held by the frequency cap: the people had a message from another campaign inside the workspace's window. */
export const FREQUENCY_CAP_HELD = 'frequency cap: had a message from another campaign lately';

export interface ReadHeldReasonsOptions {
  tenantId: string;
  campaignIds: readonly string[];
}

export interface HeldReason {
  campaignId: string;
  reason: string;
  count: number;
  /** The soonest a message held for this reason is looked at again; null when it waits for a resume. */
  until: string | null;
}

/**
 * Why the listed campaigns' held messages wait, most held first. Only held jobs are
 * read, through the (campaignId, state) index; the frequency cap gives each person a
 * reason of their own (whose message, when next), which are counted under one here.
 */
export async function readHeldReasons({ tenantId, campaignIds }: ReadHeldReasonsOptions): Promise<HeldReason[]> {
  if (!campaignIds.length) return [];
  const { rows } = await pgPool().query<{ campaignId: string; reason: string; count: number; until: Date }>(
    `SELECT "campaignId", CASE WHEN gate = 'frequency_cap' THEN $3 ELSE coalesce("gateReason", gate) END AS reason,
            count(*)::int AS count, min("nextAttemptAt") AS until
       FROM send_jobs
      WHERE "campaignId" = ANY($2::uuid[]) AND state = 'QUEUED' AND "tenantId" = $1::uuid
        AND gate IS NOT NULL AND gate <> 'retry'
      GROUP BY 1, 2 ORDER BY 3 DESC, 2`,
    [tenantId, campaignIds, FREQUENCY_CAP_HELD],
  );
  return rows.map((r) => ({
    campaignId: r.campaignId,
    reason: r.reason,
    count: r.count,
    until: r.until.getTime() >= HELD_UNTIL_RESUMED.getTime() ? null : r.until.toISOString(),
  }));
}
