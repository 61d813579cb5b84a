import { Ratelimit } from '@upstash/ratelimit';
import { Redis } from '@upstash/redis';
import type { RateLimitPolicy } from './policies';
import type { RateLimitResult, RateLimitStore } from './store';

export function upstashRateLimitStore(config: { url: string; token: string }): RateLimitStore {
  const redis = new Redis({ url: config.url, token: config.token });
  const limiters = new Map<string, Ratelimit>();
  const limiterFor = (policy: RateLimitPolicy) => {
    const id = `${policy.limit}/${policy.windowSeconds}`;
    let limiter = limiters.get(id);
    if (!limiter) {
      limiter = new Ratelimit({ redis, limiter: Ratelimit.fixedWindow(policy.limit, `${policy.windowSeconds} s`), prefix: 'crm:rl', analytics: false });
      limiters.set(id, limiter);
    }
    return limiter;
  };
  return {
    async hit(key: string, policy: RateLimitPolicy): Promise<RateLimitResult> {
      const r = await limiterFor(policy).limit(key);
      return { success: r.success, limit: r.limit, remaining: r.remaining, reset: r.reset };
    },
  };
}
