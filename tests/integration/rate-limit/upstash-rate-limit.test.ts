import { randomBytes, randomUUID } from 'node:crypto';
import { Redis as UpstashRedis } from '@upstash/redis';
import { Redis } from 'ioredis';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { RateLimitPolicy } from '@/lib/rate-limit/policies';
import type { RateLimitStore } from '@/lib/rate-limit/store';
import { upstashRateLimitStore } from '@/lib/rate-limit/upstash-store';
import { redisReachable, startUpstashBridge, type UpstashBridge } from '../../support/upstash-bridge';
import { awayFromWindowEnd, pastReset, uniqueKey } from './windows';

// The real @upstash/ratelimit and @upstash/redis, through a loopback bridge that
// speaks Upstash's REST protocol, against the machine's real Redis.
const REDIS_URL = 'redis://127.0.0.1:6379';
const reachable = await redisReachable(REDIS_URL);
if (!reachable) console.warn(`[upstash-rate-limit] skipped: no Redis answers at ${REDIS_URL}`);

describe.skipIf(!reachable)(
  reachable ? 'Upstash rate limiter take' : `Upstash rate limiter take (skipped: no Redis at ${REDIS_URL})`,
  () => {
    const token = randomBytes(16).toString('hex');
    let bridge: UpstashBridge;
    let redis: Redis;
    const prefixes: string[] = [];
    // Another client's move, made the moment a chosen command reaches the bridge.
    let interfere: ((command: unknown[]) => Promise<void>) | undefined;

    beforeAll(async () => {
      bridge = await startUpstashBridge({
        redisUrl: REDIS_URL,
        token,
        beforeCommand: async (command) => interfere?.(command),
      });
      redis = new Redis(REDIS_URL);
    });

    afterEach(async () => {
      interfere = undefined;
      for (const prefix of prefixes.splice(0)) {
        const keys = await redis.keys(`${prefix}:*`);
        if (keys.length) await redis.del(...keys);
      }
    });

    afterAll(async () => {
      await bridge?.close();
      redis?.disconnect();
    });

    /** A store on a key prefix no other test or run shares, as one app instance would hold it. */
    function isolatedStores(instances = 1): { prefix: string; stores: RateLimitStore[] } {
      const prefix = `crm:rl:test:${randomUUID()}`;
      prefixes.push(prefix);
      return {
        prefix,
        stores: Array.from({ length: instances }, () => upstashRateLimitStore({ url: bridge.url, token, prefix })),
      };
    }

    /** Where @upstash/ratelimit counts `key` for the window that ends at `reset`. */
    function counterKey(prefix: string, key: string, policy: RateLimitPolicy, reset: number): string {
      return `${prefix}:${key}:${reset / (policy.windowSeconds * 1000) - 1}`;
    }

    function windowEnd(policy: RateLimitPolicy): number {
      const windowMs = policy.windowSeconds * 1000;
      return Math.floor(Date.now() / windowMs) * windowMs + windowMs;
    }

    /** The fixed-window script call that adds `rate` hits: [EVAL(SHA), script or hash, 1, key, limit, window, rate]. */
    function isLimitCall(command: unknown[], rate: number): boolean {
      return String(command[0]).toLowerCase().startsWith('eval') && command.length === 7 && command[6] === rate;
    }

    it('grants the whole ask while the window has room, then only what is left at the limit', async () => {
      const {
        stores: [store],
      } = isolatedStores();
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
      const {
        prefix,
        stores: [store],
      } = isolatedStores();
      const policy = { limit: 10, windowSeconds: 60 };
      await awayFromWindowEnd(policy, 2_000);
      const key = uniqueKey('used-up');
      const all = await store.take(key, policy, 10);
      expect(all.granted).toBe(10);
      expect(await store.take(key, policy, 1)).toMatchObject({ granted: 0, remaining: 0 });
      expect(await store.take(key, policy, 3)).toMatchObject({ granted: 0, remaining: 0 });
      expect(await redis.get(counterKey(prefix, key, policy, all.reset))).toBe('10');
    });

    it('never grants more than the limit to 20 concurrent takes of 7 from four instances, and returns what lost races asked for', async () => {
      const { prefix, stores } = isolatedStores(4);
      const policy = { limit: 100, windowSeconds: 60 };
      await awayFromWindowEnd(policy, 5_000);
      const key = uniqueKey('burst');
      const grants = await Promise.all(
        Array.from({ length: 20 }, (_, i) => stores[i % stores.length].take(key, policy, 7)),
      );
      const total = grants.reduce((sum, g) => sum + g.granted, 0);
      expect(total).toBeLessThanOrEqual(100);
      expect(total).toBeGreaterThan(0);
      for (const g of grants) expect(g.granted).toBeOneOf([0, 1, 2, 3, 4, 5, 6, 7]);
      // Every refused ask was given back: Redis holds exactly the hits granted, and
      // what the races left over is still there for the next take.
      expect(Number(await redis.get(counterKey(prefix, key, policy, grants[0].reset)))).toBe(total);
      expect((await stores[0].take(key, policy, 100)).granted).toBe(100 - total);
    });

    it('leaves no local block after a lost race: the same instance is granted once the others give back', async () => {
      const {
        prefix,
        stores: [store],
      } = isolatedStores();
      const policy = { limit: 10, windowSeconds: 60 };
      await awayFromWindowEnd(policy, 5_000);
      const key = uniqueKey('race');
      const counter = counterKey(prefix, key, policy, windowEnd(policy));
      interfere = async (command) => {
        if (!isLimitCall(command, 4)) return;
        interfere = undefined;
        // Another instance's ask lands first and stays counted until it too is refused.
        await redis.incrby(counter, 11);
      };
      expect((await store.take(key, policy, 4)).granted).toBe(0);
      await redis.decrby(counter, 11);
      expect((await store.take(key, policy, 4)).granted).toBe(4);
      expect(await redis.get(counter)).toBe('4');
    });

    it('does not give a refused ask back to the next window once its own has ended', async () => {
      const {
        prefix,
        stores: [store],
      } = isolatedStores();
      const policy = { limit: 5, windowSeconds: 1 };
      await awayFromWindowEnd(policy, 400);
      const key = uniqueKey('window-race');
      const end = windowEnd(policy);
      interfere = async (command) => {
        if (!isLimitCall(command, 3)) return;
        interfere = undefined;
        // Another instance takes the whole window, and this ask reaches Redis as it closes.
        await redis.incrby(counterKey(prefix, key, policy, end), 5);
        await pastReset(end);
      };
      expect((await store.take(key, policy, 3)).granted).toBe(0);
      const next = [await store.take(key, policy, 5), await store.take(key, policy, 3)];
      expect(next.map((g) => [g.granted, g.reset])).toEqual([
        [5, end + 1_000],
        [0, end + 1_000],
      ]);
    });

    it('grants again when the next window starts', async () => {
      const {
        stores: [store],
      } = isolatedStores();
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

    it('refuses a count that is not a whole number of hits', async () => {
      const {
        stores: [store],
      } = isolatedStores();
      const policy = { limit: 5, windowSeconds: 60 };
      await expect(store.take(uniqueKey('bad'), policy, -1)).rejects.toThrow(RangeError);
      await expect(store.take(uniqueKey('bad'), policy, 1.5)).rejects.toThrow(RangeError);
      expect(await store.take(uniqueKey('zero'), policy, 0)).toMatchObject({ granted: 0, remaining: 5 });
    });

    it('still admits single hits up to the limit and refuses the next', async () => {
      const {
        stores: [store],
      } = isolatedStores();
      const policy = { limit: 3, windowSeconds: 60 };
      await awayFromWindowEnd(policy, 2_000);
      const key = uniqueKey('hit');
      const results = [];
      for (let i = 0; i < 4; i += 1) results.push(await store.hit(key, policy));
      expect(results.map((r) => r.success)).toEqual([true, true, true, false]);
    });
  },
);

describe.skipIf(!reachable)(
  reachable ? 'Upstash REST bridge' : `Upstash REST bridge (skipped: no Redis at ${REDIS_URL})`,
  () => {
    const token = randomBytes(16).toString('hex');
    let bridge: UpstashBridge;
    const key = `crm:bridge:test:${randomUUID()}`;

    beforeAll(async () => {
      bridge = await startUpstashBridge({ redisUrl: REDIS_URL, token });
    });

    afterAll(async () => {
      await new UpstashRedis({ url: bridge.url, token }).del(key);
      await bridge?.close();
    });

    it('refuses a request without the bearer token', async () => {
      const response = await fetch(bridge.url, { method: 'POST', body: JSON.stringify(['PING']) });
      expect(response.status).toBe(401);
    });

    it('base64-encodes string results, nested ones too, only when the client asks', async () => {
      const headers = { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' };
      const post = (path: string, body: unknown, base64: boolean) =>
        fetch(`${bridge.url}${path}`, {
          method: 'POST',
          headers: base64 ? { ...headers, 'Upstash-Encoding': 'base64' } : headers,
          body: JSON.stringify(body),
        }).then((r) => r.json());
      expect(await post('/', ['SET', key, 'héllo'], true)).toEqual({ result: 'OK' });
      expect(await post('/', ['GET', key], true)).toEqual({ result: Buffer.from('héllo').toString('base64') });
      expect(await post('/', ['GET', key], false)).toEqual({ result: 'héllo' });
      expect(
        await post(
          '/pipeline',
          [
            ['MGET', key, `${key}:none`],
            ['STRLEN', key],
            ['INCR', key],
          ],
          true,
        ),
      ).toEqual([
        { result: [Buffer.from('héllo').toString('base64'), null] },
        { result: 6 },
        { error: 'ERR value is not an integer or out of range' },
      ]);
    });

    it('answers an unknown script hash with NOSCRIPT as HTTP 400', async () => {
      const response = await fetch(bridge.url, {
        method: 'POST',
        headers: { Authorization: `Bearer ${token}` },
        body: JSON.stringify(['EVALSHA', '0'.repeat(40), '0']),
      });
      expect(response.status).toBe(400);
      expect(((await response.json()) as { error: string }).error).toMatch(/^NOSCRIPT/);
    });
  },
);
