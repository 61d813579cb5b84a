import { Ratelimit } from '@upstash/ratelimit';
import { Redis } from '@upstash/redis';
import type { RateLimitPolicy } from './policies';
import { assertTakeCount, type RateLimitGrant, type RateLimitResult, type RateLimitStore } from './store';

export interface UpstashRateLimitStoreOptions {
  url: string;
  token: string;
  prefix?: string;
}

export function upstashRateLimitStore(config: UpstashRateLimitStoreOptions): RateLimitStore {
  const redis = new Redis({ url: config.url, token: config.token });
  const limiters = new Map<string, Ratelimit>();
  const limiterFor = (policy: RateLimitPolicy) => {
    const id = `${policy.limit}/${policy.windowSeconds}`;
    let limiter = limiters.get(id);
    if (!limiter) {
      limiter = new Ratelimit({
        redis,
        limiter: Ratelimit.fixedWindow(policy.limit, `${policy.windowSeconds} s`),
        prefix: config.prefix ?? 'crm:rl',
        analytics: false,
        // The ephemeral cache remembers, per process, that a key was refused and then
        // refuses it locally (reason "cacheBlock") without asking Redis. `take` gives
        // back what a refused INCRBY added; a local refusal added nothing, so giving
        // it back would hand out hits nobody returned, and each instance would
        // refuse differently from the next. Every answer comes from Redis instead.
        ephemeralCache: false,
      });
      limiters.set(id, limiter);
    }
    return limiter;
  };
  return {
    async hit(key: string, policy: RateLimitPolicy): Promise<RateLimitResult> {
      const r = await limiterFor(policy).limit(key);
      // Ratelimit admits a caller when Redis is slower than its timeout; a guard
      // that fails open is no guard, so a slow Redis refuses until it answers.
      if (r.reason === 'timeout') return { success: false, limit: r.limit, remaining: 0, reset: r.reset };
      return { success: r.success, limit: r.limit, remaining: r.remaining, reset: r.reset };
    },

    // @upstash/ratelimit admits a rate only whole (INCRBY, then refuse if over the
    // limit, the hits staying counted), so a take asks for what the window still has
    // and, if a concurrent caller got there first, returns its ask and gets nothing.
    // A lost race under-grants; nothing ever over-grants.
    async take(key: string, policy: RateLimitPolicy, count: number): Promise<RateLimitGrant> {
      assertTakeCount(count);
      const limiter = limiterFor(policy);
      const left = await limiter.getRemaining(key);
      const ask = Math.min(count, left.remaining);
      if (ask === 0) return { granted: 0, limit: policy.limit, remaining: left.remaining, reset: left.reset };
      const taken = await limiter.limit(key, { rate: ask });
      // Ratelimit answers success when Redis is slower than its timeout; the INCRBY
      // may yet land, so nothing is granted and nothing can be given back.
      if (taken.reason === 'timeout') return { granted: 0, limit: policy.limit, remaining: 0, reset: left.reset };
      if (taken.success) return { granted: ask, limit: policy.limit, remaining: taken.remaining, reset: taken.reset };
      await giveBack(limiter, key, ask, taken.reset);
      return { granted: 0, limit: policy.limit, remaining: 0, reset: taken.reset };
    },
  };
}

// A refused ask stays counted in the window it landed in. Returned to a later
// window it would let that window over-grant, so a return that did not provably
// land in the refused window (the window ended, or Ratelimit timed out) is added
// back; at worst hits stay counted that nobody sent.
async function giveBack(limiter: Ratelimit, key: string, ask: number, refusedWindowEnd: number): Promise<void> {
  if (Date.now() >= refusedWindowEnd) return;
  const returned = await limiter.limit(key, { rate: -ask });
  if (returned.reset !== refusedWindowEnd) await limiter.limit(key, { rate: ask });
}
