import type { RateLimitPolicy } from './policies';

export interface RateLimitResult {
  success: boolean;
  limit: number;
  remaining: number;
  /** Epoch milliseconds when the current window ends. */
  reset: number;
}

export interface RateLimitGrant {
  /** How many of the hits asked for the caller may use now (0 to the count asked). */
  granted: number;
  limit: number;
  remaining: number;
  /** Epoch milliseconds when the current window ends. */
  reset: number;
}

/** Fixed-window counting, the same semantics whichever backend holds the counters. */
export interface RateLimitStore {
  hit(key: string, policy: RateLimitPolicy): Promise<RateLimitResult>;
  /** Takes up to `count` hits from the key's current window; grants what is left, never more than the limit across all callers. */
  take(key: string, policy: RateLimitPolicy, count: number): Promise<RateLimitGrant>;
}

/** Both stores refuse the same counts, so a caller's bug surfaces whichever backend runs. */
export function assertTakeCount(count: number): void {
  if (!Number.isSafeInteger(count) || count < 0)
    throw new RangeError(`A rate-limit take needs a whole number of hits ≥ 0, got ${count}`);
}
