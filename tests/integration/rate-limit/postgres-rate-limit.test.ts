import { describe, expect, it } from 'vitest';
import { db } from '@/lib/db/client';
import { assertRateLimit, checkRateLimit } from '@/lib/rate-limit/assert-rate-limit';
import { RATE_LIMIT_POLICIES } from '@/lib/rate-limit/policies';
import { postgresRateLimitStore } from '@/lib/rate-limit/postgres-store';
import { awayFromWindowEnd, pastReset, uniqueKey } from './windows';

describe('PostgreSQL rate limiter', () => {
  it('admits exactly the limit under concurrent hits on one key', async () => {
    const { limit } = RATE_LIMIT_POLICIES['signin-email'];
    const results = await Promise.all(
      Array.from({ length: limit * 4 }, () => checkRateLimit({ policy: 'signin-email', key: 'burst@example.com' })),
    );
    expect(results.filter((r) => r.success)).toHaveLength(limit);
  });

  it('counts keys apart', async () => {
    const { limit } = RATE_LIMIT_POLICIES['signin-email'];
    for (let i = 0; i < limit; i += 1) await assertRateLimit({ policy: 'signin-email', key: 'a@example.com' });
    await expect(assertRateLimit({ policy: 'signin-email', key: 'a@example.com' })).rejects.toMatchObject({
      code: 'rate_limited',
    });
    await expect(assertRateLimit({ policy: 'signin-email', key: 'b@example.com' })).resolves.toBeUndefined();
  });
});

describe('PostgreSQL rate limiter take', () => {
  const store = postgresRateLimitStore();

  it('grants the whole ask while the window has room, then only what is left at the limit', async () => {
    const policy = { limit: 10, windowSeconds: 60 };
    await awayFromWindowEnd(policy, 2_000);
    const key = uniqueKey('edge');
    const first = await store.take(key, policy, 4);
    const second = await store.take(key, policy, 4);
    const third = await store.take(key, policy, 5);
    expect([first, second, third].map((g) => [g.granted, g.remaining])).toEqual([
      [4, 6],
      [4, 2],
      [2, 0],
    ]);
    expect(third).toMatchObject({ limit: 10 });
    expect(third.reset % 60_000).toBe(0);
    expect(third.reset).toBeGreaterThan(Date.now());
  });

  it('grants nothing once the window is used up', async () => {
    const policy = { limit: 10, windowSeconds: 60 };
    await awayFromWindowEnd(policy, 2_000);
    const key = uniqueKey('used-up');
    expect((await store.take(key, policy, 10)).granted).toBe(10);
    expect(await store.take(key, policy, 1)).toMatchObject({ granted: 0, remaining: 0 });
    expect(await store.take(key, policy, 3)).toMatchObject({ granted: 0, remaining: 0 });
  });

  it('grants exactly the limit in total to 20 concurrent takes of 7 against a limit of 100', async () => {
    const policy = { limit: 100, windowSeconds: 60 };
    await awayFromWindowEnd(policy, 5_000);
    const key = uniqueKey('burst');
    const grants = await Promise.all(Array.from({ length: 20 }, () => store.take(key, policy, 7)));
    const granted = grants.map((g) => g.granted).sort((a, b) => a - b);
    expect(granted.reduce((sum, n) => sum + n, 0)).toBe(100);
    expect(granted).toEqual([0, 0, 0, 0, 0, 2, ...Array<number>(14).fill(7)]);

    const rows = await db().rateLimitCounter.findMany({
      where: { key },
      select: { windowStart: true, expiresAt: true },
    });
    expect(rows).toEqual([{ windowStart: new Date(grants[0].reset - 60_000), expiresAt: new Date(grants[0].reset) }]);
  });

  it('grants again when the next window starts', async () => {
    const policy = { limit: 5, windowSeconds: 1 };
    await awayFromWindowEnd(policy, 400);
    const key = uniqueKey('next-window');
    const first = await store.take(key, policy, 5);
    expect(first.granted).toBe(5);
    expect((await store.take(key, policy, 2)).granted).toBe(0);
    await pastReset(first.reset);
    const later = await store.take(key, policy, 5);
    expect(later).toMatchObject({ granted: 5, remaining: 0, reset: first.reset + 1_000 });
  });

  it('counts hits and takes on one key against the same window', async () => {
    const policy = { limit: 3, windowSeconds: 60 };
    await awayFromWindowEnd(policy, 2_000);
    const key = uniqueKey('mixed');
    expect((await store.hit(key, policy)).success).toBe(true);
    expect((await store.take(key, policy, 5)).granted).toBe(2);
    expect((await store.hit(key, policy)).success).toBe(false);
    expect(await db().rateLimitCounter.count({ where: { key } })).toBe(1);
  });

  it('refuses a count that is not a whole number of hits', async () => {
    const policy = { limit: 5, windowSeconds: 60 };
    await expect(store.take(uniqueKey('bad'), policy, -1)).rejects.toThrow(RangeError);
    await expect(store.take(uniqueKey('bad'), policy, 1.5)).rejects.toThrow(RangeError);
    expect(await store.take(uniqueKey('zero'), policy, 0)).toMatchObject({ granted: 0, remaining: 5 });
  });
});
