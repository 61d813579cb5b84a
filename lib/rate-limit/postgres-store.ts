import 'server-only';
import { pgPool } from '../db/pg-pool';
import type { RateLimitPolicy } from './policies';
import { assertTakeCount, type RateLimitGrant, type RateLimitResult, type RateLimitStore } from './store';

/**
 * Counters in rate_limit_counters: one upsert per hit or take, atomic under
 * concurrency. Each is a single statement on the pool, its own transaction: the
 * drain takes for every batch, and a counter belongs to no domain change.
 */
export function postgresRateLimitStore(): RateLimitStore {
  return {
    async hit(key: string, policy: RateLimitPolicy): Promise<RateLimitResult> {
      const { total, reset } = await addHits(key, policy, 1);
      return {
        success: total <= policy.limit,
        limit: policy.limit,
        remaining: Math.max(0, policy.limit - total),
        reset,
      };
    },

    async take(key: string, policy: RateLimitPolicy, count: number): Promise<RateLimitGrant> {
      assertTakeCount(count);
      // No take can be granted more than the limit, so adding at most the limit
      // changes no grant and keeps the INTEGER counter far from overflowing.
      const ask = Math.min(count, policy.limit);
      // The upsert serialises takes on the row: each one adds its whole ask and
      // owns the hits (total - ask, total], of which those up to the limit are its grant.
      const { total, reset } = await addHits(key, policy, ask);
      const granted = Math.min(ask, Math.max(0, policy.limit - (total - ask)));
      return { granted, limit: policy.limit, remaining: Math.max(0, policy.limit - total), reset };
    },
  };
}

/** Adds hits to the key's current window and answers the window's total after them. */
async function addHits(key: string, policy: RateLimitPolicy, hits: number): Promise<{ total: number; reset: number }> {
  const { windowStart, reset } = currentWindow(policy);
  // Timestamps are written as UTC wall-clock time, as Prisma writes them.
  const { rows } = await pgPool().query<{ count: number }>(
    `INSERT INTO rate_limit_counters (key, "windowStart", count, "expiresAt")
     VALUES ($1, $2::timestamptz AT TIME ZONE 'UTC', $3, $4::timestamptz AT TIME ZONE 'UTC')
     ON CONFLICT (key, "windowStart") DO UPDATE SET count = rate_limit_counters.count + EXCLUDED.count
     RETURNING count`,
    [key, windowStart.toISOString(), hits, new Date(reset).toISOString()],
  );
  if (Math.random() < 0.01) {
    await pgPool().query(`DELETE FROM rate_limit_counters WHERE "expiresAt" < now() AT TIME ZONE 'UTC'`);
  }
  return { total: rows[0].count, reset };
}

/** Fixed windows aligned to multiples of their length, as @upstash/ratelimit counts them. */
function currentWindow(policy: RateLimitPolicy, now = Date.now()): { windowStart: Date; reset: number } {
  const windowMs = policy.windowSeconds * 1000;
  const start = Math.floor(now / windowMs) * windowMs;
  return { windowStart: new Date(start), reset: start + windowMs };
}
