import { env } from '../env';
import { AppError } from '../errors';
import { RATE_LIMIT_POLICIES, type RateLimitPolicyName } from './policies';
import { postgresRateLimitStore } from './postgres-store';
import type { RateLimitResult, RateLimitStore } from './store';
import { upstashRateLimitStore } from './upstash-store';

let store: RateLimitStore | undefined;

/** Upstash when UPSTASH_REDIS_REST_URL/TOKEN are set, else PostgreSQL: one store per process for every caller. */
export function defaultRateLimitStore(): RateLimitStore {
  const { UPSTASH_REDIS_REST_URL: url, UPSTASH_REDIS_REST_TOKEN: token } = env();
  store ??= url && token ? upstashRateLimitStore({ url, token }) : postgresRateLimitStore();
  return store;
}

export interface CheckRateLimitOptions {
  policy: RateLimitPolicyName;
  key: string;
  store?: RateLimitStore;
}

export async function checkRateLimit(options: CheckRateLimitOptions): Promise<RateLimitResult> {
  const policy = RATE_LIMIT_POLICIES[options.policy];
  return (options.store ?? defaultRateLimitStore()).hit(`${options.policy}:${options.key}`, policy);
}

export interface AssertRateLimitOptions {
  policy: RateLimitPolicyName;
  key: string;
  store?: RateLimitStore;
}

/** Throws `rate_limited` (HTTP 429) once the key has used up its policy's window. */
export async function assertRateLimit(options: AssertRateLimitOptions): Promise<void> {
  const result = await checkRateLimit(options);
  if (!result.success) {
    const retryAfterSeconds = Math.max(1, Math.ceil((result.reset - Date.now()) / 1000));
    throw new AppError(
      'rate_limited',
      `Too many attempts. Try again in ${Math.ceil(retryAfterSeconds / 60)} minute(s).`,
      { retryAfterSeconds },
    );
  }
}
