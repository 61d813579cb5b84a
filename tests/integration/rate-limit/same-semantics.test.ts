import { randomBytes, randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postgresRateLimitStore } from '@/lib/rate-limit/postgres-store';
import { upstashRateLimitStore } from '@/lib/rate-limit/upstash-store';
import { redisReachable, startUpstashBridge, type UpstashBridge } from '../../support/upstash-bridge';
import { runScript, type ScriptStep, uniqueKey } from './windows';

const REDIS_URL = 'redis://127.0.0.1:6379';
const reachable = await redisReachable(REDIS_URL);
if (!reachable) console.warn(`[same-semantics] skipped: no Redis answers at ${REDIS_URL}`);

describe.skipIf(!reachable)(
  reachable ? 'Rate-limit stores' : `Rate-limit stores (skipped: no Redis at ${REDIS_URL})`,
  () => {
    const token = randomBytes(16).toString('hex');
    const prefix = `crm:rl:test:${randomUUID()}`;
    let bridge: UpstashBridge;

    beforeAll(async () => {
      bridge = await startUpstashBridge({ redisUrl: REDIS_URL, token });
    });

    afterAll(async () => {
      const redis = new Redis(REDIS_URL);
      const keys = await redis.keys(`${prefix}:*`);
      if (keys.length) await redis.del(...keys);
      redis.disconnect();
      await bridge?.close();
    });

    it('grant the same hits to the same sequence of takes in PostgreSQL and in Upstash', async () => {
      const policy = { limit: 10, windowSeconds: 2 };
      const steps: ScriptStep[] = [4, 4, 4, 0, 1, 'next window', 12, 3, 'next window', 9, 2, 5];
      const [postgres, upstash] = await Promise.all([
        runScript(postgresRateLimitStore(), uniqueKey('script'), policy, steps),
        runScript(upstashRateLimitStore({ url: bridge.url, token, prefix }), uniqueKey('script'), policy, steps),
      ]);
      expect(upstash).toEqual(postgres);
      expect(postgres.map((r) => r.granted)).toEqual([4, 4, 2, 0, 0, 10, 0, 9, 1, 0]);
      expect(postgres.map((r) => r.remaining)).toEqual([6, 2, 0, 0, 0, 0, 0, 1, 0, 0]);
    });
  },
);
