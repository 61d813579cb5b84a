import type { RateLimitPolicy } from '../rate-limit/policies';
import type { RateLimitStore } from '../rate-limit/store';

/**
 * Rate windows counted in memory on the dry run's own clock: the dry run asks
 * what the gates would do now without using up anyone's real per-minute budget.
 */
export function simulatedRateLimitStore(now: Date): RateLimitStore {
  const used = new Map<string, number>();
  const windowOf = (policy: RateLimitPolicy) => {
    const ms = policy.windowSeconds * 1000;
    const start = Math.floor(now.getTime() / ms) * ms;
    return { start, reset: start + ms };
  };
  return {
    async hit(key, policy) {
      const { start, reset } = windowOf(policy);
      const count = (used.get(`${key}@${start}`) ?? 0) + 1;
      used.set(`${key}@${start}`, count);
      return {
        success: count <= policy.limit,
        limit: policy.limit,
        remaining: Math.max(0, policy.limit - count),
        reset,
      };
    },
    async take(key, policy, count) {
      const { start, reset } = windowOf(policy);
      const before = used.get(`${key}@${start}`) ?? 0;
      const granted = Math.max(0, Math.min(count, policy.limit - before));
      used.set(`${key}@${start}`, before + granted);
      return { granted, limit: policy.limit, remaining: policy.limit - before - granted, reset };
    },
  };
}
