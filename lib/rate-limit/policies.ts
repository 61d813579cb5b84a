/** Named limits: each is `limit` hits per fixed window of `windowSeconds`. */
export const RATE_LIMIT_POLICIES = {
  'signin-email': { limit: 5, windowSeconds: 15 * 60 },
  'signin-ip': { limit: 30, windowSeconds: 15 * 60 },
  'invite-user': { limit: 50, windowSeconds: 60 * 60 },
  'test-send': { limit: 10, windowSeconds: 60 * 60 },
} as const satisfies Record<string, RateLimitPolicy>;

export interface RateLimitPolicy {
  limit: number;
  windowSeconds: number;
}

export type RateLimitPolicyName = keyof typeof RATE_LIMIT_POLICIES;
