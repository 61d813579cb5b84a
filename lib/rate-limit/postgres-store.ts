import { db } from '../db/client';
import type { RateLimitPolicy } from './policies';
import type { RateLimitResult, RateLimitStore } from './store';

/** Counters in rate_limit_counters: one upsert per hit, atomic under concurrency. */
export function postgresRateLimitStore(): RateLimitStore {
  return {
    async hit(key: string, policy: RateLimitPolicy): Promise<RateLimitResult> {
      const windowMs = policy.windowSeconds * 1000;
      const windowStart = new Date(Math.floor(Date.now() / windowMs) * windowMs);
      const reset = windowStart.getTime() + windowMs;
      const rows = await db().$queryRaw<{ count: number }[]>`
        INSERT INTO rate_limit_counters (key, "windowStart", count, "expiresAt")
        VALUES (${key}, ${windowStart}, 1, ${new Date(reset)})
        ON CONFLICT (key, "windowStart") DO UPDATE SET count = rate_limit_counters.count + 1
        RETURNING count`;
      const count = Number(rows[0]?.count ?? 1);
      if (Math.random() < 0.01) {
        await db().$executeRaw`DELETE FROM rate_limit_counters WHERE "expiresAt" < now()`;
      }
      return { success: count <= policy.limit, limit: policy.limit, remaining: Math.max(0, policy.limit - count), reset };
    },
  };
}
