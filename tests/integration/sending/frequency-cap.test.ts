import { randomUUID } from 'node:crypto';
import { beforeEach, describe, expect, it } from 'vitest';
import { FREQUENCY_CAP_HELD } from '@/lib/campaign-stats/read-held-reasons';
import { getCampaignProgress } from '@/lib/campaigns/get-campaign-progress';
import { db } from '@/lib/db/client';
import { pgPool } from '@/lib/db/pg-pool';
import { postgresRateLimitStore } from '@/lib/rate-limit/postgres-store';
import { drainSendQueue } from '@/lib/sending/drain/drain-send-queue';
import { simulateCampaignSends } from '@/lib/sending/simulate-campaign-sends';
import {
  addContacts,
  emptyQueueAndSender,
  MIDDAY_SYDNEY,
  recordingProvider,
  runningCampaign,
} from '../../support/sending-fixtures';
import { createTenant, signedInMember } from '../../support/fixtures';
import { actorFor } from '../../support/import-fixtures';

const rateLimits = postgresRateLimitStore();
const HOUR = 3_600_000;
const hoursBefore = (hours: number) => new Date(MIDDAY_SYDNEY.getTime() - hours * HOUR);

let tenantId: string;
let numberId: string;

beforeEach(async () => {
  ({ tenantId, numberId } = await emptyQueueAndSender());
});

function setCap(messages: number | null, hours: number | null) {
  return db().tenantSettings.update({
    where: { tenantId },
    data: { frequencyCapMessages: messages, frequencyCapHours: hours },
  });
}

/** A message an earlier campaign handed over (or did not) to the contact at a time. */
async function earlierMessage(
  contact: { id: string; phoneE164: string },
  options: {
    name: string;
    at: Date;
    state?: 'SENDING' | 'SENT' | 'DELIVERED' | 'FAILED' | 'SKIPPED' | 'QUEUED';
    tenant?: string;
  },
) {
  const owner = options.tenant ?? tenantId;
  const campaign = await db().campaign.create({ data: { tenantId: owner, name: options.name, status: 'COMPLETED' } });
  await db().sendJob.create({
    data: {
      tenantId: owner,
      campaignId: campaign.id,
      contactId: contact.id,
      toE164: contact.phoneE164,
      state: options.state ?? 'DELIVERED',
      claimedAt: options.at,
      // A hand-over the provider answered; one without an id would be an interrupted send for recovery.
      providerMessageId: options.state === 'QUEUED' || options.state === 'SKIPPED' ? null : `SM${randomUUID()}`,
    },
  });
}

async function heldJobs(campaignId: string) {
  return db().sendJob.findMany({
    where: { campaignId, state: 'QUEUED' },
    select: { gate: true, gateReason: true, nextAttemptAt: true, toE164: true },
    orderBy: { toE164: 'asc' },
  });
}

const drainAt = (at: Date, provider = recordingProvider()) =>
  drainSendQueue({ provider, rateLimits, clock: () => at, batchSize: 50 }).then(() => provider);

describe('the frequency cap across campaigns', () => {
  it('is off by default: a person messaged an hour ago by another campaign gets this one too', async () => {
    const [sam] = await addContacts(tenantId, 1);
    await earlierMessage(sam, { name: 'Spring Sale', at: hoursBefore(1) });
    await runningCampaign(tenantId, { numberIds: [numberId] });
    expect((await drainAt(MIDDAY_SYDNEY)).sent).toHaveLength(1);
  });

  it('holds a person with a message inside the window until it leaves, saying from which campaign and when next; the window’s edge lets them through', async () => {
    await setCap(1, 12);
    const [threeHours, justInside, exactlyTwelve, otherTenant] = await addContacts(tenantId, 4);
    await earlierMessage(threeHours, { name: 'Spring Sale', at: hoursBefore(3) });
    await earlierMessage(justInside, { name: 'Winter Sale', at: new Date(hoursBefore(12).getTime() + 60_000) });
    await earlierMessage(exactlyTwelve, { name: 'Autumn Sale', at: hoursBefore(12) });
    const stranger = (await addContacts((await createTenant('Other')).id, 1))[0];
    await earlierMessage(
      { id: stranger.id, phoneE164: otherTenant.phoneE164 },
      {
        name: 'Theirs',
        at: hoursBefore(1),
        tenant: (await db().contact.findUniqueOrThrow({ where: { id: stranger.id } })).tenantId,
      },
    );
    const { campaignId } = await runningCampaign(tenantId, { numberIds: [numberId] });

    const provider = await drainAt(MIDDAY_SYDNEY);

    expect(provider.sent.map((s) => s.to).sort()).toEqual([exactlyTwelve.phoneE164, otherTenant.phoneE164].sort());
    expect(await heldJobs(campaignId)).toEqual([
      {
        toE164: threeHours.phoneE164,
        gate: 'frequency_cap',
        gateReason: "had a message from 'Spring Sale' 3 h ago; next allowed 21:00",
        nextAttemptAt: new Date(MIDDAY_SYDNEY.getTime() + 9 * HOUR),
      },
      {
        toE164: justInside.phoneE164,
        gate: 'frequency_cap',
        gateReason: "had a message from 'Winter Sale' 11 h ago; next allowed 12:01",
        nextAttemptAt: new Date(MIDDAY_SYDNEY.getTime() + 60_000),
      },
    ]);

    // The campaign's progress counts them under the cap, from the first time one may go.
    const staff = await actorFor(await signedInMember(tenantId, 'STAFF'), 'STAFF');
    expect((await getCampaignProgress({ actor: staff, campaignId })).held).toEqual([
      { reason: FREQUENCY_CAP_HELD, count: 2, until: new Date(MIDDAY_SYDNEY.getTime() + 60_000).toISOString() },
    ]);

    // When the message leaves the window the person is due, and gets this campaign.
    expect((await drainAt(new Date(MIDDAY_SYDNEY.getTime() + 60_000))).sent.map((s) => s.to)).toEqual([
      justInside.phoneE164,
    ]);
  });

  it('counts only marketing messages handed to the provider: not failed, skipped or still queued jobs', async () => {
    await setCap(1, 24);
    const [failed, skipped, queued, sending] = await addContacts(tenantId, 4);
    await earlierMessage(failed, { name: 'A', at: hoursBefore(1), state: 'FAILED' });
    await earlierMessage(skipped, { name: 'B', at: hoursBefore(1), state: 'SKIPPED' });
    await earlierMessage(queued, { name: 'C', at: hoursBefore(1), state: 'QUEUED' });
    await earlierMessage(sending, { name: 'Flash Sale', at: hoursBefore(2), state: 'SENDING' });
    const { campaignId } = await runningCampaign(tenantId, { numberIds: [numberId] });

    const provider = await drainAt(MIDDAY_SYDNEY);

    expect(provider.sent.map((s) => s.to).sort()).toEqual([failed, skipped, queued].map((c) => c.phoneE164).sort());
    const [held] = await heldJobs(campaignId);
    expect(held.gateReason).toBe("had a message from 'Flash Sale' 2 h ago; next allowed 26 Nov 10:00");
  });

  it('allows N per window: with 2 per 7 days, a person who had two waits for the older to leave', async () => {
    await setCap(2, 7 * 24);
    const [one, two] = await addContacts(tenantId, 2);
    await earlierMessage(one, { name: 'A', at: hoursBefore(30) });
    await earlierMessage(two, { name: 'Older', at: hoursBefore(48) });
    await earlierMessage(two, { name: 'Newer', at: hoursBefore(5) });
    const { campaignId } = await runningCampaign(tenantId, { numberIds: [numberId] });

    expect((await drainAt(MIDDAY_SYDNEY)).sent.map((s) => s.to)).toEqual([one.phoneE164]);
    const [held] = await heldJobs(campaignId);
    expect(held.gateReason).toBe(
      "had 2 messages in the last 7 days, the latest from 'Newer' 5 h ago; next allowed 30 Nov 12:00",
    );
    expect(held.nextAttemptAt).toEqual(new Date(MIDDAY_SYDNEY.getTime() + 5 * 24 * HOUR));
  });

  it('never lets two drains racing each other send twice to one person inside the window', async () => {
    await setCap(1, 12);
    const people = await addContacts(tenantId, 40);
    const spring = await runningCampaign(tenantId, { numberIds: [numberId] });
    await db().campaign.update({ where: { id: spring.campaignId }, data: { name: 'Spring Sale' } });
    const winter = await runningCampaign(tenantId, { numberIds: [numberId] });
    // Interleave the two campaigns' jobs so every batch and every drain meets both of a person's jobs.
    await pgPool().query(
      `UPDATE send_jobs SET "nextAttemptAt" = $1::timestamp + (random() * interval '1 second') WHERE "tenantId" = $2::uuid`,
      [hoursBefore(1).toISOString(), tenantId],
    );
    const provider = recordingProvider(async () => {
      // A slow provider keeps each batch's hand-over open while the other drains claim.
      await new Promise((resolve) => setTimeout(resolve, 2));
      return { ok: true, providerMessageId: '', status: 'queued' };
    });

    await Promise.all(
      Array.from({ length: 4 }, () =>
        drainSendQueue({ provider, rateLimits, clock: () => MIDDAY_SYDNEY, batchSize: 7 }),
      ),
    );

    const recipients = provider.sent.map((s) => s.to);
    expect(new Set(recipients).size).toBe(recipients.length);
    expect(recipients.sort()).toEqual(people.map((p) => p.phoneE164).sort());
    const held = await db().sendJob.findMany({
      where: { tenantId, state: 'QUEUED' },
      select: { gate: true, gateReason: true },
    });
    expect(held).toHaveLength(40);
    expect(held.every((j) => j.gate === 'frequency_cap')).toBe(true);

    // Held in the race (just now) or behind its batch's other job, then looked at again a minute on:
    // every held job names the campaign its person got a message from.
    const later = await drainAt(new Date(MIDDAY_SYDNEY.getTime() + 2 * 60_000));
    expect(later.sent).toHaveLength(0);
    const reasons = await db().sendJob.findMany({
      where: { tenantId, state: 'QUEUED' },
      select: { gateReason: true, campaignId: true },
    });
    for (const { gateReason, campaignId } of reasons) {
      const other = campaignId === spring.campaignId ? winter.campaignId : spring.campaignId;
      const otherName = (await db().campaign.findUniqueOrThrow({ where: { id: other } })).name;
      expect([
        `had a message from '${otherName}' just now; next allowed 26 Nov 00:00`,
        `had a message from '${otherName}' 2 min ago; next allowed 26 Nov 00:00`,
      ]).toContain(gateReason);
    }
  });

  it('is counted in the dry run: how many the cap would hold', async () => {
    await setCap(1, 12);
    const people = await addContacts(tenantId, 5);
    for (const person of people.slice(0, 3)) await earlierMessage(person, { name: 'Spring Sale', at: hoursBefore(2) });
    const { campaignId } = await runningCampaign(tenantId, { numberIds: [numberId] });

    const result = await simulateCampaignSends({
      db: pgPool(),
      tenantId,
      campaignId,
      audience: { kind: 'all' },
      now: MIDDAY_SYDNEY,
    });

    expect(result?.sendNow).toBe(2);
    expect(result?.held).toEqual([
      { gate: 'frequency_cap', reason: 'frequency cap (1 message per 12 h): had a message lately', count: 3 },
    ]);
  });
});
