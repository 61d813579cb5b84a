import { describe, expect, it } from 'vitest';
import { assertRateLimit, checkRateLimit } from '@/lib/rate-limit/assert-rate-limit';
import { RATE_LIMIT_POLICIES } from '@/lib/rate-limit/policies';

describe('PostgreSQL rate limiter', () => {
  it('admits exactly the limit under concurrent hits on one key', async () => {
    const { limit } = RATE_LIMIT_POLICIES['signin-email'];
    const results = await Promise.all(Array.from({ length: limit * 4 }, () => checkRateLimit({ policy: 'signin-email', key: 'burst@example.com' })));
    expect(results.filter((r) => r.success)).toHaveLength(limit);
  });

  it('counts keys apart', async () => {
    const { limit } = RATE_LIMIT_POLICIES['signin-email'];
    for (let i = 0; i < limit; i += 1) await assertRateLimit({ policy: 'signin-email', key: 'a@example.com' });
    await expect(assertRateLimit({ policy: 'signin-email', key: 'a@example.com' })).rejects.toMatchObject({ code: 'rate_limited' });
    await expect(assertRateLimit({ policy: 'signin-email', key: 'b@example.com' })).resolves.toBeUndefined();
  });
});
