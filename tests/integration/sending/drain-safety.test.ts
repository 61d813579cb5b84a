import { beforeEach, describe, expect, it } from 'vitest';
import { db } from '@/lib/db/client';
import { pgPool } from '@/lib/db/pg-pool';
import type { SendOutcome } from '@/lib/providers/sms-provider';
import { postgresRateLimitStore } from '@/lib/rate-limit/postgres-store';
import { drainSendQueue } from '@/lib/sending/drain/drain-send-queue';
import { MAX_ATTEMPTS } from '@/lib/sending/drain/record-send-outcomes';
import {
  addContacts,
  emptyQueueAndSender,
  jobStates,
  MIDDAY_SYDNEY,
  recordingProvider,
  runningCampaign,
} from '../../support/sending-fixtures';

const rateLimits = postgresRateLimitStore();
const minutesLater = (minutes: number) => new Date(MIDDAY_SYDNEY.getTime() + minutes * 60_000);

let tenantId: string;
let numberId: string;

beforeEach(async () => {
  ({ tenantId, numberId } = await emptyQueueAndSender());
});

describe('the drain under concurrency and crashes', () => {
  it('four drains at once send every job exactly once', async () => {
    await addContacts(tenantId, 600);
    const { campaignId } = await runningCampaign(tenantId, { numberIds: [numberId] });
    const provider = recordingProvider();

    const reports = await Promise.all(
      Array.from({ length: 4 }, () =>
        drainSendQueue({ provider, rateLimits, clock: () => MIDDAY_SYDNEY, batchSize: 25 }),
      ),
    );

    const jobIds = provider.sent.map((s) => s.jobId.toString());
    expect(new Set(jobIds).size).toBe(jobIds.length);
    expect(jobIds).toHaveLength(600);
    expect(reports.filter((r) => r.accepted > 0).length).toBeGreaterThan(1);
    expect(await jobStates(campaignId)).toEqual({ SENDING: 600 });
    expect(await db().spendLedgerEntry.count({ where: { tenantId } })).toBe(600);
  });

  it('never spends past the daily budget, even with four drains racing for it', async () => {
    await addContacts(tenantId, 200);
    await db().budget.create({ data: { tenantId, period: 'DAILY', capMicros: 1_000_000n } });
    const { campaignId } = await runningCampaign(tenantId, { numberIds: [numberId] });
    const provider = recordingProvider();

    await Promise.all(
      Array.from({ length: 4 }, () =>
        drainSendQueue({ provider, rateLimits, clock: () => MIDDAY_SYDNEY, batchSize: 10 }),
      ),
    );

    // $1.00 at $0.055 a message is 18 messages.
    expect(provider.sent).toHaveLength(18);
    const spent = await db().spendLedgerEntry.aggregate({ where: { tenantId }, _sum: { amountMicros: true } });
    expect(spent._sum.amountMicros).toBe(990_000n);
    expect(await db().sendJob.count({ where: { campaignId, state: 'QUEUED', gate: 'budget' } })).toBe(182);
  });
});

describe('what the provider answers', () => {
  it('retries a transient error with growing delays, then fails the job after the last attempt', async () => {
    await addContacts(tenantId, 1);
    const { campaignId } = await runningCampaign(tenantId, { numberIds: [numberId] });
    const busy = recordingProvider(() => ({
      ok: false,
      kind: 'transient',
      code: '20429',
      message: 'Too Many Requests',
    }));

    let now = MIDDAY_SYDNEY;
    const delays: number[] = [];
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt += 1) {
      await drainSendQueue({ provider: busy, rateLimits, clock: () => now });
      const job = await db().sendJob.findFirstOrThrow({
        where: { campaignId },
        select: { state: true, attempts: true, nextAttemptAt: true, gate: true },
      });
      expect(job.attempts).toBe(attempt);
      if (attempt < MAX_ATTEMPTS) {
        expect(job).toMatchObject({ state: 'QUEUED', gate: 'retry' });
        delays.push(job.nextAttemptAt.getTime() - now.getTime());
        now = job.nextAttemptAt;
      } else {
        expect(job.state).toBe('FAILED');
      }
    }
    expect(delays).toEqual([30_000, 120_000, 480_000, 1_920_000]);
    const failed = await db().sendJob.findFirstOrThrow({ where: { campaignId }, select: { errorMessage: true } });
    expect(failed.errorMessage).toBe('gave up after 5 attempts: Too Many Requests (error 20429)');
    expect(
      await db().usageCounter.findFirst({ where: { tenantId, scope: 'spend:day', used: { not: 0n } } }),
    ).toBeNull();
  });

  it('fails a job the provider refuses for good, suppresses a dead number, and puts an opted-out one (21610) on DNC', async () => {
    const [dead, optedOut, fine] = await addContacts(tenantId, 3);
    const { campaignId } = await runningCampaign(tenantId, { numberIds: [numberId] });
    const provider = recordingProvider((sms): SendOutcome => {
      if (sms.to === dead.phoneE164)
        return { ok: false, kind: 'permanent', code: '21211', message: "The 'To' number is not a valid phone number." };
      if (sms.to === optedOut.phoneE164)
        return { ok: false, kind: 'permanent', code: '21610', message: 'Attempt to send to unsubscribed recipient' };
      return { ok: true, providerMessageId: '', status: 'queued' };
    });

    const report = await drainSendQueue({ provider, rateLimits, clock: () => MIDDAY_SYDNEY });

    expect(report).toMatchObject({ accepted: 1, failed: 2 });
    const byPhone = Object.fromEntries(
      (
        await db().sendJob.findMany({ where: { campaignId }, select: { toE164: true, state: true, errorCode: true } })
      ).map((j) => [j.toE164, j]),
    );
    expect(byPhone[dead.phoneE164]).toMatchObject({ state: 'FAILED', errorCode: '21211' });
    expect(byPhone[fine.phoneE164].state).toBe('SENDING');
    expect(await db().suppression.count({ where: { tenantId, phoneE164: dead.phoneE164 } })).toBe(1);
    expect(
      await db().dncEntry.findFirst({ where: { tenantId, phoneE164: optedOut.phoneE164 }, select: { source: true } }),
    ).toEqual({ source: 'PROVIDER_OPTED_OUT' });
  });

  it('commits a 21610 failure only together with the opt-out it causes: if the DNC entry cannot be written, neither is the failure', async () => {
    const [optedOut] = await addContacts(tenantId, 1);
    const { campaignId } = await runningCampaign(tenantId, { numberIds: [numberId] });
    const provider = recordingProvider((): SendOutcome => ({
      ok: false,
      kind: 'permanent',
      code: '21610',
      message: 'Attempt to send to unsubscribed recipient',
    }));
    await pgPool().query(`
      CREATE FUNCTION refuse_dnc() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'DNC list unavailable'; END $$;
      CREATE TRIGGER refuse_dnc BEFORE INSERT ON dnc_entries FOR EACH ROW EXECUTE FUNCTION refuse_dnc();`);

    await expect(drainSendQueue({ provider, rateLimits, clock: () => MIDDAY_SYDNEY })).rejects.toThrow(
      'DNC list unavailable',
    );

    const job = await db().sendJob.findFirstOrThrow({
      where: { campaignId },
      select: { state: true, errorCode: true },
    });
    expect(job).toEqual({ state: 'SENDING', errorCode: null });
    expect(await db().sendJobEvent.count({ where: { tenantId, state: 'FAILED' } })).toBe(0);
    expect(await db().dncEntry.count({ where: { tenantId, phoneE164: optedOut.phoneE164 } })).toBe(0);
  });

  it('after a request that got no answer, asks the provider before sending again instead of resending', async () => {
    const [answered, lost] = await addContacts(tenantId, 2);
    const { campaignId } = await runningCampaign(tenantId, { numberIds: [numberId] });
    const accepted = new Map<string, string>();
    const provider = {
      ...recordingProvider((sms): SendOutcome => {
        accepted.set(sms.to, `SMquiet${sms.jobId}`);
        return sms.to === answered.phoneE164
          ? { ok: false, kind: 'uncertain', code: null, message: 'timeout of 15000ms exceeded' }
          : { ok: false, kind: 'uncertain', code: null, message: 'socket hang up' };
      }),
      findSent: async (query: { to: string }) =>
        query.to === answered.phoneE164 ? { providerMessageId: accepted.get(query.to)!, status: 'sent' } : null,
    };

    await drainSendQueue({ provider, rateLimits, clock: () => MIDDAY_SYDNEY });
    expect(await db().sendJob.count({ where: { campaignId, state: 'SENDING', providerMessageId: null } })).toBe(2);

    const tooSoon = await drainSendQueue({ provider, rateLimits, clock: () => minutesLater(1), maxBatches: 0 });
    expect(tooSoon.recovered).toEqual({ found: 0, requeued: 0 });
    const later = await drainSendQueue({ provider, rateLimits, clock: () => minutesLater(3), maxBatches: 0 });
    expect(later.recovered).toEqual({ found: 1, requeued: 1 });
    expect(
      await db().sendJob.findFirst({
        where: { campaignId, toE164: answered.phoneE164 },
        select: { providerMessageId: true },
      }),
    ).toEqual({ providerMessageId: accepted.get(answered.phoneE164) });

    const resend = recordingProvider();
    await drainSendQueue({ provider: resend, rateLimits, clock: () => minutesLater(3) });
    expect(resend.sent.map((s) => s.to)).toEqual([lost.phoneE164]);
  });
});
