import { db } from '../db/client';
import { pgPool } from '../db/pg-pool';
import type { RateLimitPolicy } from './policies';
import { assertTakeCount, type RateLimitGrant, type RateLimitResult, type RateLimitStore } from './store';

/** Counters in rate_limit_counters: one upsert per hit or take, atomic under concurrency. */
export function postgresRateLimitStore(): RateLimitStore {
  return {
    async hit(key: string, policy: RateLimitPolicy): Promise<RateLimitResult> {
      const { windowStart, reset } = currentWindow(policy);
      const rows = await db().$queryRaw<{ count: number }[]>`
        INSERT INTO rate_limit_counters (key, "windowStart", count, "expiresAt")
        VALUES (${key}, ${windowStart}, 1, ${new Date(reset)})
        ON CONFLICT (key, "windowStart") DO UPDATE SET count = rate_limit_counters.count + 1
        RETURNING count`;
      const count = Number(rows[0]?.count ?? 1);
      if (Math.random() < 0.01) {
        await db().$executeRaw`DELETE FROM rate_limit_counters WHERE "expiresAt" < now()`;
      }
      return {
        success: count <= policy.limit,
        limit: policy.limit,
        remaining: Math.max(0, policy.limit - count),
        reset,
      };
    },

    // The drain calls this for every batch, so it goes through node-postgres
    // directly: one statement, no Prisma query compilation on the hot path.
    async take(key: string, policy: RateLimitPolicy, count: number): Promise<RateLimitGrant> {
      assertTakeCount(count);
      const { windowStart, reset } = currentWindow(policy);
      // No take can be granted more than the limit, so adding at most the limit
      // changes no grant and keeps the INTEGER counter far from overflowing.
      const ask = Math.min(count, policy.limit);
      // The upsert serialises takes on the row: each one adds its whole ask and
      // owns the hits (total - ask, total], of which those up to the limit are its grant.
      // Timestamps are written as UTC wall-clock time, as Prisma writes them.
      const { rows } = await pgPool().query<{ count: number }>(
        `INSERT INTO rate_limit_counters (key, "windowStart", count, "expiresAt")
         VALUES ($1, $2::timestamptz AT TIME ZONE 'UTC', $3, $4::timestamptz AT TIME ZONE 'UTC')
         ON CONFLICT (key, "windowStart") DO UPDATE SET count = rate_limit_counters.count + EXCLUDED.count
         RETURNING count`,
        [key, windowStart.toISOString(), ask, new Date(reset).toISOString()],
      );
      const total = rows[0].count;
      const granted = Math.min(ask, Math.max(0, policy.limit - (total - ask)));
      if (Math.random() < 0.01) {
        await pgPool().query(`DELETE FROM rate_limit_counters WHERE "expiresAt" < now() AT TIME ZONE 'UTC'`);
      }
      return { granted, limit: policy.limit, remaining: Math.max(0, policy.limit - total), reset };
    },
  };
}

/** Fixed windows aligned to multiples of their length, as @upstash/ratelimit counts them. */
function currentWindow(policy: RateLimitPolicy, now = Date.now()): { windowStart: Date; reset: number } {
  const windowMs = policy.windowSeconds * 1000;
  const start = Math.floor(now / windowMs) * windowMs;
  return { windowStart: new Date(start), reset: start + windowMs };
}
