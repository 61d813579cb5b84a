import { beforeEach, describe, expect, it } from 'vitest';
import { db } from '@/lib/db/client';
import { pgPool } from '@/lib/db/pg-pool';
import { postgresRateLimitStore } from '@/lib/rate-limit/postgres-store';
import { drainSendQueue } from '@/lib/sending/drain/drain-send-queue';
import { HELD_UNTIL_RESUMED } from '@/lib/sending/gates/gate';
import { releaseHeldJobs } from '@/lib/sending/release-held-jobs';
import {
  addContacts,
  emptyQueueAndSender,
  LONG_AGO,
  MIDDAY_SYDNEY,
  recordingProvider,
  runningCampaign,
  sendingNumber,
} from '../../support/sending-fixtures';

const rateLimits = postgresRateLimitStore();

async function jobs(campaignId: string) {
  return db().sendJob.findMany({
    where: { campaignId },
    orderBy: { id: 'asc' },
    select: {
      id: true,
      state: true,
      gate: true,
      gateReason: true,
      nextAttemptAt: true,
      toE164: true,
      sendingNumberId: true,
    },
  });
}

function drain(provider: ReturnType<typeof recordingProvider>, now: Date = MIDDAY_SYDNEY) {
  return drainSendQueue({ provider, rateLimits, clock: () => now, batchSize: 100 });
}

/** Rate windows are real minutes: start a rate test well inside one, so it cannot roll over mid-test. */
async function awayFromMinuteBoundary() {
  const intoMinute = Date.now() % 60_000;
  if (intoMinute > 50_000) await new Promise((r) => setTimeout(r, 60_500 - intoMinute));
}

let tenantId: string;
let numberId: string;

beforeEach(async () => {
  ({ tenantId, numberId } = await emptyQueueAndSender());
});

describe('gate 1: pause and kill switch', () => {
  it('holds every job while the workspace kill switch is on, sends nothing, and sends them once it is lifted', async () => {
    await addContacts(tenantId, 4);
    const { campaignId } = await runningCampaign(tenantId, { numberIds: [numberId] });
    await db().tenantSettings.update({
      where: { tenantId },
      data: { paused: true, pausedReason: 'complaint under review' },
    });
    const provider = recordingProvider();

    await drain(provider);
    expect(provider.sent).toHaveLength(0);
    const held = await jobs(campaignId);
    expect(
      held.every(
        (j) =>
          j.state === 'QUEUED' &&
          j.gate === 'pause' &&
          j.gateReason === 'sending is stopped for the whole workspace: complaint under review' &&
          j.nextAttemptAt.getTime() === HELD_UNTIL_RESUMED.getTime(),
      ),
    ).toBe(true);

    await db().tenantSettings.update({ where: { tenantId }, data: { paused: false, pausedReason: null } });
    expect(await releaseHeldJobs(pgPool(), { tenantId, now: MIDDAY_SYDNEY })).toBe(4);
    await drain(provider);
    expect(provider.sent).toHaveLength(4);
  });

  it('holds a paused campaign’s jobs and skips a cancelled campaign’s for good', async () => {
    await addContacts(tenantId, 2);
    const paused = await runningCampaign(tenantId, { numberIds: [numberId] });
    const cancelled = await runningCampaign(tenantId, { numberIds: [numberId] });
    await db().campaign.update({ where: { id: paused.campaignId }, data: { status: 'PAUSED' } });
    await db().campaign.update({ where: { id: cancelled.campaignId }, data: { status: 'CANCELLED' } });
    const provider = recordingProvider();

    await drain(provider);
    expect(provider.sent).toHaveLength(0);
    expect((await jobs(paused.campaignId)).map((j) => [j.state, j.gateReason])).toEqual([
      ['QUEUED', 'campaign paused'],
      ['QUEUED', 'campaign paused'],
    ]);
    expect((await jobs(cancelled.campaignId)).map((j) => [j.state, j.gateReason])).toEqual([
      ['SKIPPED', 'campaign cancelled'],
      ['SKIPPED', 'campaign cancelled'],
    ]);
  });
});

describe('gate 2: budget', () => {
  it('sends while the daily budget has room and holds the rest until local midnight, saying which cap', async () => {
    await addContacts(tenantId, 5);
    await db().budget.create({ data: { tenantId, period: 'DAILY', capMicros: 120_000n } });
    const { campaignId } = await runningCampaign(tenantId, { numberIds: [numberId] });
    const provider = recordingProvider();

    await drain(provider);

    expect(provider.sent).toHaveLength(2);
    const held = (await jobs(campaignId)).filter((j) => j.state === 'QUEUED');
    expect(held).toHaveLength(3);
    // Midnight in Sydney after 12:00 on 25 November (AEDT, UTC+11).
    expect(
      held.every(
        (j) =>
          j.gate === 'budget' &&
          j.gateReason === 'daily budget of $0.12 reached' &&
          j.nextAttemptAt.toISOString() === '2026-11-25T13:00:00.000Z',
      ),
    ).toBe(true);
    const spent = await db().usageCounter.findFirstOrThrow({
      where: { tenantId, scope: 'spend:day' },
      select: { used: true },
    });
    expect(spent.used).toBe(110_000n);
  });

  it('holds until the first of next month when the monthly budget is the one used up', async () => {
    await addContacts(tenantId, 2);
    await db().budget.create({ data: { tenantId, period: 'MONTHLY', capMicros: 60_000n } });
    const { campaignId } = await runningCampaign(tenantId, { numberIds: [numberId] });
    await drain(recordingProvider());
    const held = (await jobs(campaignId)).filter((j) => j.state === 'QUEUED');
    expect(held.map((j) => [j.gateReason, j.nextAttemptAt.toISOString()])).toEqual([
      ['monthly budget of $0.06 reached', '2026-11-30T13:00:00.000Z'],
    ]);
  });
});

describe('gate 3: do not contact and consent', () => {
  it('never sends to a number that went on the DNC list after it was queued, nor to a contact whose consent was withdrawn', async () => {
    const [stopped, unconsented, fine] = await addContacts(tenantId, 3);
    const { campaignId } = await runningCampaign(tenantId, { numberIds: [numberId] });
    await db().dncEntry.create({ data: { tenantId, phoneE164: stopped.phoneE164, source: 'STOP_REPLY' } });
    await db().contact.update({ where: { id: unconsented.id }, data: { consentStatus: 'UNKNOWN' } });
    const provider = recordingProvider();

    await drain(provider);

    expect(provider.sent.map((s) => s.to)).toEqual([fine.phoneE164]);
    const byPhone = Object.fromEntries(
      (await jobs(campaignId)).map((j) => [j.toE164, [j.state, j.gate, j.gateReason]]),
    );
    expect(byPhone[stopped.phoneE164]).toEqual(['SKIPPED', 'dnc', 'opted out']);
    expect(byPhone[unconsented.phoneE164]).toEqual(['SKIPPED', 'dnc', 'no consent on record']);
    expect(await db().sendJobEvent.count({ where: { tenantId, state: 'SKIPPED' } })).toBe(2);
  });
});

describe('gate 4: suppression', () => {
  it('skips a number suppressed after it was queued, naming the reason and end date, and sends once a suppression has expired', async () => {
    const [suppressed, expired] = await addContacts(tenantId, 2);
    const { campaignId } = await runningCampaign(tenantId, { numberIds: [numberId] });
    await db().suppression.createMany({
      data: [
        {
          tenantId,
          phoneE164: suppressed.phoneE164,
          reason: 'complained to the carrier',
          expiresAt: new Date('2027-01-10T00:00:00Z'),
        },
        { tenantId, phoneE164: expired.phoneE164, reason: 'bounced', expiresAt: new Date('2026-11-01T00:00:00Z') },
      ],
    });
    const provider = recordingProvider();
    await drain(provider);
    expect(provider.sent.map((s) => s.to)).toEqual([expired.phoneE164]);
    const job = (await jobs(campaignId)).find((j) => j.toE164 === suppressed.phoneE164)!;
    expect([job.state, job.gate, job.gateReason]).toEqual([
      'SKIPPED',
      'suppression',
      'suppressed until 2027-01-10: complained to the carrier',
    ]);
  });
});

describe('gate 5: quiet hours', () => {
  it('at 21:30 in Sydney holds Sydney contacts until 09:00 and contacts of unknown location until 09:00 in Perth, and sends to Perth (18:30)', async () => {
    const [sydney] = await addContacts(tenantId, 1, { state: 'NSW' });
    const [perth] = await addContacts(tenantId, 1, { state: 'WA' });
    const [unknown] = await addContacts(tenantId, 1, { state: null });
    const { campaignId } = await runningCampaign(tenantId, { numberIds: [numberId] });
    const provider = recordingProvider();

    await drain(provider, new Date('2026-11-25T10:30:00Z'));

    expect(provider.sent.map((s) => s.to)).toEqual([perth.phoneE164]);
    const byPhone = Object.fromEntries((await jobs(campaignId)).map((j) => [j.toE164, j]));
    expect([byPhone[sydney.phoneE164].gateReason, byPhone[sydney.phoneE164].nextAttemptAt.toISOString()]).toEqual([
      'quiet hours (21:00–09:00) in Australia/Sydney',
      '2026-11-25T22:00:00.000Z',
    ]);
    expect(byPhone[unknown.phoneE164].nextAttemptAt.toISOString()).toBe('2026-11-26T01:00:00.000Z');
    expect(byPhone[unknown.phoneE164].gateReason).toMatch(/^quiet hours \(21:00–09:00\) in part of Australia/);
  });

  it('does not read jobs held for the morning again until the morning', async () => {
    await addContacts(tenantId, 3, { state: 'NSW' });
    await runningCampaign(tenantId, { numberIds: [numberId] });
    const provider = recordingProvider();
    await drain(provider, new Date('2026-11-25T10:30:00Z'));
    const later = await drain(provider, new Date('2026-11-25T11:30:00Z'));
    expect(later.claimed).toBe(0);
    const morning = await drain(provider, new Date('2026-11-25T22:00:00Z'));
    expect(morning.accepted).toBe(3);
  });
});

describe('gate 6: rate limits', () => {
  it('sends at most the per-number rate each minute, spreading jobs over the campaign’s numbers, and holds the rest for the next window', async () => {
    await awayFromMinuteBoundary();
    await db().tenantSettings.update({ where: { tenantId }, data: { numberRatePerMinute: 10 } });
    const second = await sendingNumber(tenantId);
    await addContacts(tenantId, 25);
    const { campaignId } = await runningCampaign(tenantId, { numberIds: [numberId, second.id] });
    const provider = recordingProvider();

    await drain(provider);

    expect(provider.sent).toHaveLength(20);
    const perNumber = provider.sent.reduce<Record<string, number>>(
      (acc, s) => ({ ...acc, [s.from]: (acc[s.from] ?? 0) + 1 }),
      {},
    );
    expect(Object.values(perNumber)).toEqual([10, 10]);
    const held = (await jobs(campaignId)).filter((j) => j.state === 'QUEUED');
    expect(held).toHaveLength(5);
    expect(
      held.every(
        (j) =>
          j.gate === 'rate_limit' &&
          j.gateReason === 'rate limit: 10 messages a minute per sending number' &&
          j.nextAttemptAt.getTime() % 60_000 === 0,
      ),
    ).toBe(true);
  });

  it('holds what passes the numbers but exceeds the workspace’s rate', async () => {
    await awayFromMinuteBoundary();
    await db().tenantSettings.update({
      where: { tenantId },
      data: { tenantRatePerMinute: 15, numberRatePerMinute: 10 },
    });
    const second = await sendingNumber(tenantId);
    await addContacts(tenantId, 25);
    const { campaignId } = await runningCampaign(tenantId, { numberIds: [numberId, second.id] });
    const provider = recordingProvider();
    await drain(provider);
    expect(provider.sent).toHaveLength(15);
    const reasons = (await jobs(campaignId)).filter((j) => j.state === 'QUEUED').map((j) => j.gateReason);
    expect(reasons.filter((r) => r === 'rate limit: 15 messages a minute for the workspace')).toHaveLength(5);
  });
});

describe('gate 7: warm-up', () => {
  it('lets a number on its first day send 50 and holds the rest until its next local day', async () => {
    const fresh = await sendingNumber(tenantId, { warmupStartedAt: new Date('2026-11-24T20:00:00Z') });
    await addContacts(tenantId, 60);
    const { campaignId } = await runningCampaign(tenantId, { numberIds: [fresh.id] });
    const provider = recordingProvider();

    await drain(provider);

    expect(provider.sent).toHaveLength(50);
    const held = (await jobs(campaignId)).filter((j) => j.state === 'QUEUED');
    expect(held).toHaveLength(10);
    expect(
      held.every(
        (j) =>
          j.gate === 'warm_up' &&
          j.gateReason === `warm-up: ${fresh.value} may send 50 messages on day 1 of its warm-up` &&
          j.nextAttemptAt.toISOString() === '2026-11-25T13:00:00.000Z',
      ),
    ).toBe(true);
    expect((await db().usageCounter.findFirstOrThrow({ where: { tenantId, scope: `number:${fresh.id}` } })).used).toBe(
      50n,
    );
  });

  it('gives the jobs to the number with room: a warming number’s 50 plus everything else through a seasoned one', async () => {
    const fresh = await sendingNumber(tenantId, { warmupStartedAt: new Date('2026-11-24T20:00:00Z') });
    await addContacts(tenantId, 120);
    const { campaignId } = await runningCampaign(tenantId, { numberIds: [fresh.id, numberId] });
    const provider = recordingProvider();
    await drain(provider);
    expect(provider.sent).toHaveLength(120);
    const byNumber = await db().sendJob.groupBy({
      by: ['sendingNumberId'],
      where: { campaignId },
      _count: { _all: true },
    });
    expect(byNumber.find((b) => b.sendingNumberId === fresh.id)?._count._all ?? 0).toBeLessThanOrEqual(50);
    expect(byNumber.find((b) => b.sendingNumberId === numberId)?._count._all).toBeGreaterThanOrEqual(70);
  });

  it('passes a seasoned number up to its steady daily cap', async () => {
    const capped = await sendingNumber(tenantId, { warmupStartedAt: LONG_AGO, dailyCap: 3 });
    await addContacts(tenantId, 5);
    const { campaignId } = await runningCampaign(tenantId, { numberIds: [capped.id] });
    await drain(recordingProvider());
    const held = (await jobs(campaignId)).filter((j) => j.state === 'QUEUED');
    expect(held.map((j) => j.gateReason)).toEqual([
      `daily cap: ${capped.value} may send 3 messages a day`,
      `daily cap: ${capped.value} may send 3 messages a day`,
    ]);
  });
});
