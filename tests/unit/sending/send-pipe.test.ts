import { describe, expect, it } from 'vitest';
import type { OutboundSms, SendOutcome, SmsProvider } from '@/lib/providers/sms-provider';
import { sendPipe } from '@/lib/sending/drain/send-pipe';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const sms = (i: number, from = '+61400000001'): OutboundSms => ({
  jobId: BigInt(i),
  to: `+6141000${String(i).padStart(4, '0')}`,
  from,
  messagingServiceSid: null,
  body: 'Hi',
});
const OK: SendOutcome = { ok: true, providerMessageId: 'SM1', status: 'queued' };
const FAST = { key: 'number-a', perMinute: 1_000_000 };
const always = () => true;

function provider(send: (message: OutboundSms) => Promise<SendOutcome>): SmsProvider {
  return { name: 'null', send, findSent: async () => null };
}

describe('the hand-over pipe', () => {
  it('lets the other messages through while one call is slow: it holds only its own message', async () => {
    const answeredAt: number[] = [];
    const started = performance.now();
    const pipe = sendPipe({
      provider: provider(async (m) => {
        await sleep(m.jobId === 0n ? 1500 : 20);
        return OK;
      }),
      maxConcurrency: 4,
    });
    await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        pipe.send(sms(i), FAST, always).then(() => (answeredAt[i] = performance.now() - started)),
      ),
    );
    pipe.close();
    // 39 quick calls over the 3 slots the slow one leaves: ~260 ms, long before the slow one ends.
    expect(Math.max(...answeredAt.slice(1))).toBeLessThan(1000);
    expect(answeredAt[0]).toBeGreaterThanOrEqual(1490);
  });

  it('paces each sender at its per-minute rate after a burst of 10', async () => {
    const startedAt: number[] = [];
    const t0 = performance.now();
    const pipe = sendPipe({
      provider: provider(async () => {
        startedAt.push(performance.now() - t0);
        return OK;
      }),
      maxConcurrency: 50,
    });
    // 300 a minute is 5 a second: 10 at once, then one every 200 ms.
    await Promise.all(
      Array.from({ length: 15 }, (_, i) => pipe.send(sms(i), { key: 'number-a', perMinute: 300 }, always)),
    );
    pipe.close();
    expect(startedAt.filter((t) => t - startedAt[0] < 40)).toHaveLength(10);
    expect(startedAt[14] - startedAt[0]).toBeGreaterThanOrEqual(950);
  });

  it('backs off on 429s from a busy provider and retries them without an answer for the job', async () => {
    let inFlight = 0;
    const pipe = sendPipe({
      provider: provider(async () => {
        if (inFlight >= 5) return { ok: false, kind: 'transient', code: '20429', message: 'Too Many Requests' };
        inFlight += 1;
        await sleep(30);
        inFlight -= 1;
        return OK;
      }),
      maxConcurrency: 20,
    });
    const results = await Promise.all(Array.from({ length: 60 }, (_, i) => pipe.send(sms(i), FAST, always)));
    pipe.close();
    expect(results.every((r) => r.kind === 'answered' && r.outcome.ok)).toBe(true);
    expect(pipe.stats().throttled).toBeGreaterThan(0);
    expect(pipe.stats().concurrency).toBeLessThan(20);
  });

  it('answers a 429 from a provider that accepts nothing as it is, for the ordinary retry', async () => {
    const pipe = sendPipe({
      provider: provider(async () => ({ ok: false, kind: 'transient', code: '20429', message: 'Too Many Requests' })),
      maxConcurrency: 4,
    });
    const [result] = await Promise.all([pipe.send(sms(1), FAST, always)]);
    pipe.close();
    expect(result).toMatchObject({ kind: 'answered', outcome: { ok: false, code: '20429' } });
  });

  it('releases what is still waiting at its deadline, and leaves unsent what its lease no longer covers', async () => {
    const pipe = sendPipe({
      provider: provider(async () => {
        await sleep(100);
        return OK;
      }),
      maxConcurrency: 1,
      deadline: performance.now() + 150,
    });
    let leaseHeld = true;
    const results = await Promise.all([
      pipe.send(sms(1), FAST, always),
      pipe.send(sms(2), FAST, always),
      pipe.send(sms(3), FAST, always),
      pipe.send(sms(4), FAST, () => leaseHeld),
    ]);
    pipe.close();
    expect(results.map((r) => r.kind)).toEqual(['answered', 'answered', 'released', 'released']);
    leaseHeld = false;
    const late = sendPipe({ provider: provider(async () => OK), maxConcurrency: 1 });
    expect(await late.send(sms(5), FAST, () => leaseHeld)).toEqual({ kind: 'unsent' });
    late.close();
  });
});
