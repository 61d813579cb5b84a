import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import type { RateLimitPolicy } from '@/lib/rate-limit/policies';
import type { RateLimitStore } from '@/lib/rate-limit/store';

// Fixed windows make a test's outcome depend on where in the window it runs, so
// tests line up with window boundaries instead of trusting luck.

export function uniqueKey(label: string): string {
  return `${label}:${randomUUID()}`;
}

/** Waits into the next window if fewer than `marginMs` of the current one remain. */
export async function awayFromWindowEnd(policy: RateLimitPolicy, marginMs: number): Promise<void> {
  const windowMs = policy.windowSeconds * 1000;
  const left = windowMs - (Date.now() % windowMs);
  if (left < marginMs) await sleep(left + 20);
}

/** Waits until just after `reset`, the end of the window a grant reported. */
export async function pastReset(reset: number): Promise<void> {
  await sleep(Math.max(0, reset - Date.now()) + 20);
}

export type ScriptStep = number | 'next window';

/** Runs takes in order on one key, starting at the beginning of a window; 'next window' waits for the next one. */
export async function runScript(
  store: RateLimitStore,
  key: string,
  policy: RateLimitPolicy,
  steps: ScriptStep[],
): Promise<{ granted: number; remaining: number }[]> {
  const windowMs = policy.windowSeconds * 1000;
  await pastReset(Math.ceil(Date.now() / windowMs) * windowMs);
  const results: { granted: number; remaining: number }[] = [];
  for (const step of steps) {
    if (step === 'next window') {
      await pastReset(Math.ceil(Date.now() / windowMs) * windowMs);
      continue;
    }
    const { granted, remaining } = await store.take(key, policy, step);
    results.push({ granted, remaining });
  }
  return results;
}
