import type { RateLimitPolicy } from './policies';

export interface RateLimitResult {
  success: boolean;
  limit: number;
  remaining: number;
  /** Epoch milliseconds when the current window ends. */
  reset: number;
}

/** Fixed-window counting, the same semantics whichever backend holds the counters. */
export interface RateLimitStore {
  hit(key: string, policy: RateLimitPolicy): Promise<RateLimitResult>;
}
