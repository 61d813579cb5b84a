import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { Actor } from '@/lib/auth/actor';
import { FREQUENCY_CAP_HELD } from '@/lib/campaign-stats/read-held-reasons';
import { db } from '@/lib/db/client';
import { pgPool } from '@/lib/db/pg-pool';
import { flushClicks, recordClick } from '@/lib/links/record-click';
import { resolveShortLink } from '@/lib/links/resolve-short-link';
import { postgresRateLimitStore } from '@/lib/rate-limit/postgres-store';
import { readDashboardDays } from '@/lib/reports/read-dashboard-days';
import { readHeldMessages } from '@/lib/reports/read-held-messages';
import { readRecentCampaigns } from '@/lib/reports/read-recent-campaigns';
import { readRunningCampaigns } from '@/lib/reports/read-running-campaigns';
import { readSpendAgainstBudgets } from '@/lib/reports/read-spend-against-budgets';
import { workspaceSummary } from '@/lib/reports/workspace-summary';
import { drainSendQueue } from '@/lib/sending/drain/drain-send-queue';
import { startOfNextLocalDay } from '@/lib/time/zoned-time';
import { signedInMember } from '../../support/fixtures';
import { actorFor } from '../../support/import-fixtures';
import {
  addContacts,
  MIDDAY_SYDNEY,
  recordingProvider,
  runningCampaign,
  sendingNumber,
  sendingTenant,
} from '../../support/sending-fixtures';
import { IPHONE } from '../../support/user-agents';

const rateLimits = postgresRateLimitStore();
/** 12:00 in Perth (AWST, UTC+8, no daylight saving) on 25 November 2026. */
const NOON_PERTH = new Date('2026-11-25T04:00:00.000Z');

async function viewerOf(tenantId: string): Promise<Actor> {
  return actorFor(await signedInMember(tenantId, 'VIEWER'), 'VIEWER');
}

/** A workspace with a sending number and a running campaign to `contacts` people, handed to the carrier at midday in Sydney. */
async function sentCampaign(contacts: number, options: { timeZone?: string; name?: string } = {}) {
  const tenantId = await sendingTenant({ name: options.name });
  if (options.timeZone) await db().tenantSettings.update({ where: { tenantId }, data: { timeZone: options.timeZone } });
  const number = await sendingNumber(tenantId);
  await addContacts(tenantId, contacts);
  const { campaignId } = await runningCampaign(tenantId, {
    numberIds: [number.id],
    linkUrl: 'https://shop.example.com.au/sale',
    templates: [{ body: 'Sale on now {link}' }],
  });
  await drainSendQueue({ provider: recordingProvider(), rateLimits, clock: () => MIDDAY_SYDNEY });
  const { rows: jobs } = await pgPool().query<{ id: string; contactId: string; token: string }>(
    `SELECT j.id::text, j."contactId", l.token FROM send_jobs j JOIN short_links l ON l."sendJobId" = j.id
      WHERE j."campaignId" = $1::uuid ORDER BY j.id`,
    [campaignId],
  );
  return { tenantId, campaignId, jobs };
}

/** The carrier's reports for a job: sent a minute before it was delivered at `at` (or only sent, for a failure). */
async function reported(jobId: string, at: Date, state: 'DELIVERED' | 'UNDELIVERED' = 'DELIVERED') {
  await pgPool().query(
    `UPDATE send_jobs SET state = $2::"SendJobState", "sentAt" = $3::timestamp - interval '1 minute',
            "deliveredAt" = CASE WHEN $2 = 'DELIVERED' THEN $3::timestamp END, "finishedAt" = $3::timestamp
      WHERE id = $1::bigint`,
    [jobId, state, at.toISOString()],
  );
}

async function clickedAt(token: string, at: Date) {
  await recordClick((await resolveShortLink(token))!, { method: 'GET', ip: '203.0.113.9', userAgent: IPHONE, at });
  await flushClicks();
}

/** A STOP reply from the job's recipient, as the inbound webhook records it. */
async function optedOutAt(tenantId: string, contactId: string, at: Date) {
  await pgPool().query(
    `INSERT INTO consent_events ("tenantId", "contactId", action, source, "occurredAt")
     VALUES ($1::uuid, $2::uuid, 'OPTED_OUT', 'stop_reply', $3::timestamp)`,
    [tenantId, contactId, at.toISOString()],
  );
}

describe("the dashboard's last 30 days", () => {
  it("fold deliveries, clicks and opt-outs into the workspace's local days, with the opt-out rate and the day's spend", async () => {
    const { tenantId, jobs } = await sentCampaign(5, { timeZone: 'Australia/Perth' });
    const [lateEvening, justAfterMidnight, morning, monthAgo, firstDay] = jobs;
    // 23:50 and 00:10 in Perth are two days there, one day in UTC.
    await reported(lateEvening.id, new Date('2026-11-24T15:50:00.000Z'));
    await reported(justAfterMidnight.id, new Date('2026-11-24T16:10:00.000Z'));
    await reported(morning.id, new Date('2026-11-25T01:30:00.000Z'));
    // 23:00 on 26 October in Perth is 31 days ago; 00:30 on 27 October is the first of the 30.
    await reported(monthAgo.id, new Date('2026-10-26T15:00:00.000Z'));
    await reported(firstDay.id, new Date('2026-10-26T16:30:00.000Z'));
    await clickedAt(lateEvening.token, new Date('2026-11-24T15:55:00.000Z'));
    await clickedAt(justAfterMidnight.token, new Date('2026-11-24T16:20:00.000Z'));
    await optedOutAt(tenantId, morning.contactId, new Date('2026-11-25T02:00:00.000Z'));

    const { timeZone, days } = await readDashboardDays({ actor: await viewerOf(tenantId), now: NOON_PERTH });

    expect(timeZone).toBe('Australia/Perth');
    expect(days).toHaveLength(30);
    expect(days[0].date).toBe('2026-10-27');
    expect(days[29].date).toBe('2026-11-25');
    const { rows: spent } = await pgPool().query<{ micros: number }>(
      `SELECT sum("amountMicros")::float8 AS micros FROM spend_ledger WHERE "tenantId" = $1::uuid`,
      [tenantId],
    );
    expect(spent[0].micros).toBeGreaterThan(0);
    const byDate = new Map(days.map((d) => [d.date, d]));
    expect(byDate.get('2026-10-27')).toEqual({
      date: '2026-10-27',
      delivered: 1,
      clicks: 0,
      optOuts: 0,
      optOutRate: 0,
      spentMicros: 0,
    });
    expect(byDate.get('2026-11-24')).toEqual({
      date: '2026-11-24',
      delivered: 1,
      clicks: 1,
      optOuts: 0,
      optOutRate: 0,
      spentMicros: 0,
    });
    // Everything was handed over at 09:00 in Perth on the 25th, so the whole spend is that day's.
    expect(byDate.get('2026-11-25')).toEqual({
      date: '2026-11-25',
      delivered: 2,
      clicks: 1,
      optOuts: 1,
      optOutRate: 0.5,
      spentMicros: spent[0].micros,
    });
    const quiet = days.filter((d) => !['2026-10-27', '2026-11-24', '2026-11-25'].includes(d.date));
    expect(quiet.every((d) => d.delivered === 0 && d.clicks === 0 && d.optOuts === 0 && d.optOutRate === null)).toBe(
      true,
    );
  });

  it("show today's and this month's spend against the daily and monthly budgets the gate charges", async () => {
    const { tenantId } = await sentCampaign(3, { timeZone: 'Australia/Perth' });
    await db().budget.createMany({
      data: [
        { tenantId, period: 'DAILY', capMicros: 20_000_000 },
        { tenantId, period: 'MONTHLY', capMicros: 300_000_000 },
      ],
    });
    const { rows: spent } = await pgPool().query<{ micros: number }>(
      `SELECT sum("amountMicros")::float8 AS micros FROM spend_ledger WHERE "tenantId" = $1::uuid`,
      [tenantId],
    );
    const actor = await viewerOf(tenantId);

    expect(await readSpendAgainstBudgets({ actor, now: NOON_PERTH })).toEqual({
      dailyBudgetMicros: 20_000_000,
      monthlyBudgetMicros: 300_000_000,
      spentTodayMicros: spent[0].micros,
      spentThisMonthMicros: spent[0].micros,
    });
    // The next day in Perth has spent nothing yet; the month still has it all.
    const tomorrow = await readSpendAgainstBudgets({ actor, now: new Date('2026-11-25T16:30:00.000Z') });
    expect(tomorrow).toMatchObject({ spentTodayMicros: 0, spentThisMonthMicros: spent[0].micros });
  });
});

describe('held messages on the dashboard', () => {
  it('say why per campaign, the frequency cap’s per-person reasons counted under one, with when each is tried again', async () => {
    const tenantId = await sendingTenant();
    const number = await sendingNumber(tenantId);
    await addContacts(tenantId, 5);
    const { campaignId } = await runningCampaign(tenantId, { numberIds: [number.id] });
    const queue = await db().sendJob.findMany({
      where: { campaignId },
      orderBy: { id: 'asc' },
      select: { contactId: true, toE164: true },
    });
    // The first two in the queue had a message from another campaign an hour ago; the workspace allows one a day.
    await db().tenantSettings.update({ where: { tenantId }, data: { frequencyCapMessages: 1, frequencyCapHours: 24 } });
    const earlier = await db().campaign.create({ data: { tenantId, name: 'Spring Sale', status: 'COMPLETED' } });
    for (const job of queue.slice(0, 2))
      await db().sendJob.create({
        data: {
          tenantId,
          campaignId: earlier.id,
          contactId: job.contactId,
          toE164: job.toE164,
          state: 'DELIVERED',
          claimedAt: new Date(MIDDAY_SYDNEY.getTime() - 3_600_000),
          providerMessageId: `SM${randomUUID()}`,
        },
      });
    // The daily budget has room for four messages, so the fifth waits for tomorrow.
    const price = (await db().tenantSettings.findUniqueOrThrow({ where: { tenantId } })).pricePerPartMicros;
    await db().budget.create({ data: { tenantId, period: 'DAILY', capMicros: 4 * price } });
    await drainSendQueue({ provider: recordingProvider(), rateLimits, clock: () => MIDDAY_SYDNEY });

    const actor = await viewerOf(tenantId);
    const held = await readHeldMessages({ actor });

    expect(held.total).toBe(3);
    expect(held.campaigns).toHaveLength(1);
    expect(held.campaigns[0]).toMatchObject({ id: campaignId, held: 3 });
    expect(held.campaigns[0].reasons).toEqual([
      { reason: FREQUENCY_CAP_HELD, count: 2, until: new Date(MIDDAY_SYDNEY.getTime() + 23 * 3_600_000).toISOString() },
      {
        reason: `daily budget of $${((4 * price) / 1_000_000).toFixed(2)} reached`,
        count: 1,
        until: startOfNextLocalDay(MIDDAY_SYDNEY, 'Australia/Sydney').toISOString(),
      },
    ]);
    expect(await workspaceSummary({ actor })).toMatchObject({ waiting: 3, held: 3 });
  });
});

describe('running campaigns on the dashboard', () => {
  it('show how far each has got and when it should finish, from what is still waiting', async () => {
    const tenantId = await sendingTenant({ tenantRatePerMinute: 100, numberRatePerMinute: 10 });
    const number = await sendingNumber(tenantId);
    await addContacts(tenantId, 30);
    const { campaignId } = await runningCampaign(tenantId, { numberIds: [number.id] });
    // The drain passes the number's 10 a minute; the rest wait for the next minutes.
    await drainSendQueue({ provider: recordingProvider(), rateLimits, clock: () => MIDDAY_SYDNEY });
    const paused = await db().campaign.create({
      data: { tenantId, name: 'On hold', status: 'PAUSED', pausedReason: 'checking the offer', launchedAt: new Date() },
    });

    const running = await readRunningCampaigns({ actor: await viewerOf(tenantId), now: MIDDAY_SYDNEY });

    expect(running.map((c) => c.id)).toEqual([campaignId, paused.id]);
    const [live, onHold] = running;
    expect(live).toMatchObject({ status: 'RUNNING', total: 30, sent: 10, toGo: 20 });
    // 20 messages at one number's 10 a minute, within daytime: two minutes from now.
    expect(live.finishAt).toBe(new Date(MIDDAY_SYDNEY.getTime() + 2 * 60_000).toISOString());
    expect(live.finishNote).toBe('20 to go, limited by the pace of 10 messages a minute within daytime hours.');
    expect(onHold).toMatchObject({
      status: 'PAUSED',
      finishAt: null,
      finishNote: 'Paused: checking the offer; nothing more goes until it is resumed.',
    });
  });
});

describe('recent campaigns on the dashboard', () => {
  it("are the five launched last with their headline figures, never another workspace's", async () => {
    const { tenantId, campaignId, jobs } = await sentCampaign(4);
    await reported(jobs[0].id, new Date('2026-11-25T01:10:00.000Z'));
    await reported(jobs[1].id, new Date('2026-11-25T01:10:00.000Z'));
    await reported(jobs[2].id, new Date('2026-11-25T01:10:00.000Z'), 'UNDELIVERED');
    await clickedAt(jobs[0].token, new Date('2026-11-25T01:20:00.000Z'));
    await clickedAt(jobs[0].token, new Date('2026-11-25T03:20:00.000Z'));
    await optedOutAt(tenantId, jobs[1].contactId, new Date('2026-11-25T02:00:00.000Z'));
    const launched = (name: string, daysAgo: number, owner = tenantId) =>
      db().campaign.create({
        data: { tenantId: owner, name, status: 'COMPLETED', launchedAt: new Date(Date.now() - daysAgo * 86_400_000) },
      });
    for (const [i, name] of ['Oldest', 'Fourth', 'Third', 'Second', 'First'].entries()) await launched(name, 10 - i);
    await db().campaign.create({ data: { tenantId, name: 'Draft', status: 'DRAFT' } });
    const other = await sendingTenant({ name: 'Elsewhere' });
    await launched('Theirs', 0, other);

    const recent = await readRecentCampaigns({ actor: await viewerOf(tenantId) });

    expect(recent.map((c) => c.name)).toEqual([
      expect.stringMatching(/^Campaign /),
      'First',
      'Second',
      'Third',
      'Fourth',
    ]);
    const { rows: spent } = await pgPool().query<{ micros: number }>(
      `SELECT sum("amountMicros")::float8 AS micros FROM spend_ledger WHERE "tenantId" = $1::uuid`,
      [tenantId],
    );
    expect(recent[0]).toMatchObject({
      id: campaignId,
      status: 'RUNNING',
      sent: 4,
      delivered: 2,
      deliveryRate: 2 / 3,
      clicked: 1,
      optedOut: 1,
      spentMicros: spent[0].micros,
    });
    expect(recent[1]).toMatchObject({ sent: 0, delivered: 0, deliveryRate: null, clicked: 0, optedOut: 0 });
  });

  it("and the rest of the dashboard show nothing of another workspace's campaigns", async () => {
    const theirs = await sentCampaign(3, { name: 'Theirs' });
    await reported(theirs.jobs[0].id, new Date('2026-11-25T01:10:00.000Z'));
    await optedOutAt(theirs.tenantId, theirs.jobs[0].contactId, new Date('2026-11-25T02:00:00.000Z'));
    await db().budget.create({ data: { tenantId: theirs.tenantId, period: 'DAILY', capMicros: 1 } });
    const ours = await sendingTenant({ name: 'Ours' });
    const actor = await viewerOf(ours);

    expect(await readRecentCampaigns({ actor })).toEqual([]);
    expect(await readRunningCampaigns({ actor, now: MIDDAY_SYDNEY })).toEqual([]);
    expect(await readHeldMessages({ actor })).toEqual({ total: 0, campaigns: [] });
    const { days } = await readDashboardDays({ actor, now: MIDDAY_SYDNEY });
    expect(days.every((d) => d.delivered === 0 && d.clicks === 0 && d.optOuts === 0 && d.spentMicros === 0)).toBe(true);
    expect(await readSpendAgainstBudgets({ actor, now: MIDDAY_SYDNEY })).toEqual({
      dailyBudgetMicros: null,
      monthlyBudgetMicros: null,
      spentTodayMicros: 0,
      spentThisMonthMicros: 0,
    });
    expect(await workspaceSummary({ actor, now: MIDDAY_SYDNEY })).toMatchObject({
      campaigns: 0,
      thisMonth: { sent: 0, delivered: 0 },
      waiting: 0,
      held: 0,
    });
  });
});
