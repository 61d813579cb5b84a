import twilio from 'twilio';
import { beforeEach, describe, expect, it } from 'vitest';
import { POST as inboundWebhook } from '@/app/api/webhooks/twilio/inbound/route';
import { POST as statusWebhook } from '@/app/api/webhooks/twilio/status/route';
import { POST as launchRoute } from '@/app/api/campaigns/[campaignId]/launch/route';
import { POST as dryRunRoute } from '@/app/api/campaigns/[campaignId]/dry-run/route';
import { GET as progressRoute } from '@/app/api/campaigns/[campaignId]/progress/route';
import { PUT as killSwitchRoute } from '@/app/api/settings/kill-switch/route';
import type { Actor } from '@/lib/auth/actor';
import { cancelCampaign } from '@/lib/campaigns/cancel-campaign';
import { dryRunCampaign } from '@/lib/campaigns/dry-run-campaign';
import { launchCampaign } from '@/lib/campaigns/launch-campaign';
import { pauseCampaign } from '@/lib/campaigns/pause-campaign';
import { resumeCampaign } from '@/lib/campaigns/resume-campaign';
import { sendTestMessage } from '@/lib/campaigns/send-test-message';
import { db } from '@/lib/db/client';
import { pgPool } from '@/lib/db/pg-pool';
import { deliverSimulatorCallbacks, type CallbackPoster } from '@/lib/providers/deliver-simulator-callbacks';
import { webhookAuthToken } from '@/lib/providers/provider-config';
import { simulatorProvider } from '@/lib/providers/simulator-provider';
import { postgresRateLimitStore } from '@/lib/rate-limit/postgres-store';
import { drainSendQueue } from '@/lib/sending/drain/drain-send-queue';
import { pauseFailingCampaigns } from '@/lib/sending/drain/settle-campaigns';
import { getFirstRunChecklist } from '@/lib/reports/get-first-run-checklist';
import { callRoute, signedInMember, type SignedInMember } from '../../support/fixtures';
import { actorFor } from '../../support/import-fixtures';
import {
  addContacts,
  daytimeAfter,
  jobStates,
  MIDDAY_SYDNEY,
  recordingProvider,
  sendingNumber,
  sendingTenant,
} from '../../support/sending-fixtures';

const rateLimits = postgresRateLimitStore();

/** The simulator's callbacks handed straight to our status route, as the HTTP server would. */
const postToStatusRoute: CallbackPoster = async (url, params, signature) => {
  const { pathname, search } = new URL(url);
  const res = await statusWebhook(
    new Request(`http://127.0.0.1:3000${pathname}${search}`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': signature },
      body: new URLSearchParams(params).toString(),
    }),
  );
  return res.ok;
};

let tenantId: string;
let staff: SignedInMember;
let actor: Actor;
let number: { id: string; value: string };

async function draft(options: { body?: string; linkUrl?: string | null; scheduledAt?: Date | null } = {}) {
  const campaign = await db().campaign.create({
    data: {
      tenantId,
      name: 'Spring sale',
      linkUrl: options.linkUrl ?? null,
      scheduledAt: options.scheduledAt ?? null,
      templates: { create: [{ tenantId, body: options.body ?? 'Hi {firstName|there}, 20% off this weekend.' }] },
      numbers: { create: [{ tenantId, sendingNumberId: number.id }] },
    },
    select: { id: true },
  });
  return campaign.id;
}

beforeEach(async () => {
  await db().sendJob.deleteMany();
  tenantId = await sendingTenant();
  number = await sendingNumber(tenantId);
  staff = await signedInMember(tenantId, 'STAFF');
  actor = await actorFor(staff, 'STAFF');
});

describe('launching a campaign', () => {
  it('queues one job per sendable contact, says who was left out and why, and refuses a second launch', async () => {
    const contacts = await addContacts(tenantId, 5);
    await addContacts(tenantId, 2, { consent: 'UNKNOWN' });
    await db().dncEntry.create({ data: { tenantId, phoneE164: contacts[0].phoneE164, source: 'STOP_REPLY' } });
    const campaignId = await draft();

    const res = await callRoute(launchRoute, {
      method: 'POST',
      path: '/api/campaigns/x/launch',
      cookie: staff.cookie,
      params: { campaignId },
      body: {},
    });

    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      campaign: { id: campaignId, status: 'RUNNING' },
      summary: { queued: 4, excluded: { opted_out: 1, invalid_number: 0, no_consent: 2, suppressed: 0 } },
    });
    expect(await jobStates(campaignId)).toEqual({ QUEUED: 4 });
    const again = await callRoute(launchRoute, {
      method: 'POST',
      path: '/api/campaigns/x/launch',
      cookie: staff.cookie,
      params: { campaignId },
      body: {},
    });
    expect(again.status).toBe(409);
    expect(await db().sendJob.count({ where: { campaignId } })).toBe(4);
    expect(await db().auditLog.count({ where: { tenantId, action: 'campaign.launched' } })).toBe(1);
  });

  it('refuses to launch when nobody can be messaged, and leaves the draft untouched', async () => {
    await addContacts(tenantId, 2, { consent: 'UNKNOWN' });
    const campaignId = await draft();
    await expect(launchCampaign({ actor, campaignId })).rejects.toThrow(
      'No contact in the audience can be messaged (2 no consent on record).',
    );
    expect(await db().campaign.findUniqueOrThrow({ where: { id: campaignId }, select: { status: true } })).toEqual({
      status: 'DRAFT',
    });
    expect(await db().sendJob.count({ where: { campaignId } })).toBe(0);
  });

  it('holds a scheduled campaign until its time, then starts it', async () => {
    await addContacts(tenantId, 3);
    const at = new Date(MIDDAY_SYDNEY.getTime() + 3_600_000);
    const campaignId = await draft({ scheduledAt: at });
    expect((await launchCampaign({ actor, campaignId, now: MIDDAY_SYDNEY })).campaign.status).toBe('SCHEDULED');
    const provider = recordingProvider();

    await drainSendQueue({ provider, rateLimits, clock: () => MIDDAY_SYDNEY });
    expect(provider.sent).toHaveLength(0);
    await drainSendQueue({ provider, rateLimits, clock: () => at });
    expect(provider.sent).toHaveLength(3);
    expect(await db().campaign.findUniqueOrThrow({ where: { id: campaignId }, select: { status: true } })).toEqual({
      status: 'RUNNING',
    });
  });
});

describe('pausing, resuming and cancelling', () => {
  it('a paused campaign sends nothing until it is resumed, then sends everything once', async () => {
    await addContacts(tenantId, 4);
    const campaignId = await draft();
    await launchCampaign({ actor, campaignId, now: MIDDAY_SYDNEY });
    await pauseCampaign({ actor, campaignId, reason: 'price is wrong' });
    const provider = recordingProvider();

    await drainSendQueue({ provider, rateLimits, clock: () => MIDDAY_SYDNEY });
    expect(provider.sent).toHaveLength(0);
    expect(
      await db().campaign.findUniqueOrThrow({ where: { id: campaignId }, select: { pausedReason: true } }),
    ).toEqual({ pausedReason: 'price is wrong' });

    await resumeCampaign({ actor, campaignId, now: MIDDAY_SYDNEY });
    await drainSendQueue({ provider, rateLimits, clock: () => MIDDAY_SYDNEY });
    expect(provider.sent).toHaveLength(4);
  });

  it('cancelling skips every waiting job, so nothing more goes out', async () => {
    await addContacts(tenantId, 3);
    const campaignId = await draft();
    await launchCampaign({ actor, campaignId, now: MIDDAY_SYDNEY });
    await cancelCampaign({ actor, campaignId });
    const provider = recordingProvider();
    await drainSendQueue({ provider, rateLimits, clock: () => MIDDAY_SYDNEY });
    expect(provider.sent).toHaveLength(0);
    expect(await jobStates(campaignId)).toEqual({ SKIPPED: 3 });
  });

  it('the kill switch stops sending from the next batch, and lifting it sends the held jobs', async () => {
    const admin = await signedInMember(tenantId, 'ADMIN');
    await addContacts(tenantId, 3);
    const campaignId = await draft();
    await launchCampaign({ actor, campaignId, now: MIDDAY_SYDNEY });
    const stop = await callRoute(killSwitchRoute, {
      method: 'PUT',
      path: '/api/settings/kill-switch',
      cookie: admin.cookie,
      body: { paused: true, reason: 'carrier complaint' },
    });
    expect(await stop.json()).toEqual({ paused: true, pausedReason: 'carrier complaint' });
    const provider = recordingProvider();

    await drainSendQueue({ provider, rateLimits, clock: () => MIDDAY_SYDNEY });
    expect(provider.sent).toHaveLength(0);

    await callRoute(killSwitchRoute, {
      method: 'PUT',
      path: '/api/settings/kill-switch',
      cookie: admin.cookie,
      body: { paused: false },
    });
    // Lifting the switch puts the held jobs back in line at the real time of the call.
    const later = daytimeAfter(new Date(Date.now() + 1000));
    await drainSendQueue({ provider, rateLimits, clock: () => later });
    expect(provider.sent).toHaveLength(3);
    expect(
      await db().auditLog.count({ where: { tenantId, action: { in: ['sending.stopped', 'sending.resumed'] } } }),
    ).toBe(2);
  });

  it('a campaign whose messages start failing pauses itself and says why', async () => {
    await addContacts(tenantId, 60);
    const campaignId = await draft();
    await launchCampaign({ actor, campaignId, now: MIDDAY_SYDNEY });
    await drainSendQueue({ provider: recordingProvider(), rateLimits, clock: () => MIDDAY_SYDNEY });
    await pgPool().query(
      `UPDATE send_jobs SET state = CASE WHEN id % 3 = 0 THEN 'DELIVERED' ELSE 'UNDELIVERED' END::"SendJobState", "errorCode" = CASE WHEN id % 3 = 0 THEN NULL ELSE '30007' END, "finishedAt" = now() WHERE "campaignId" = $1::uuid`,
      [campaignId],
    );

    const paused = await pauseFailingCampaigns(MIDDAY_SYDNEY);

    expect(paused.map((p) => p.campaignId)).toEqual([campaignId]);
    const campaign = await db().campaign.findUniqueOrThrow({
      where: { id: campaignId },
      select: { status: true, pausedReason: true },
    });
    expect(campaign.status).toBe('PAUSED');
    expect(campaign.pausedReason).toMatch(
      /^Paused automatically: 6\d% of the last 60 messages failed\. Most common: error 30007, The carrier filtered the message as spam/,
    );
  });
});

describe('the dry run', () => {
  it('decides the whole audience with the real gates and writes nothing', async () => {
    await db().tenantSettings.update({
      where: { tenantId },
      data: { numberRatePerMinute: 10, tenantRatePerMinute: 100 },
    });
    await addContacts(tenantId, 25, { state: 'NSW' });
    await addContacts(tenantId, 2, { consent: 'UNKNOWN' });
    const campaignId = await draft({
      linkUrl: 'https://shop.example.com.au/sale',
      body: 'Hi {firstName}, 20% off: {link}',
    });
    const before = await pgPool().query(
      `SELECT (SELECT count(*) FROM usage_counters) AS usage, (SELECT count(*) FROM rate_limit_counters) AS rates, (SELECT count(*) FROM short_links) AS links`,
    );

    const res = await callRoute(dryRunRoute, {
      method: 'POST',
      path: '/api/campaigns/x/dry-run',
      cookie: staff.cookie,
      params: { campaignId },
      body: {},
    });
    expect(res.status).toBe(200);
    expect((await res.json()).dryRun.audience).toBe(27);
    const dryRun = await dryRunCampaign({ actor, campaignId, now: MIDDAY_SYDNEY });

    expect(dryRun).toMatchObject({
      audience: 27,
      sendNow: 10,
      held: [{ gate: 'rate_limit', reason: 'rate limit: 10 messages a minute per sending number', count: 15 }],
      skipped: [{ reason: 'no consent on record', count: 2 }],
    });
    expect(dryRun.costMicros).toBe(25 * 55_000);
    expect(dryRun.sample?.parts).toBe(1);
    expect(dryRun.sample?.body).toMatch(/^Hi Sam, 20% off: http\S+\/l\/\S+\nFrom Acme\. Reply STOP to opt out$/);
    expect(dryRun.finishEstimate).not.toBeNull();
    expect(await db().sendJob.count({ where: { campaignId } })).toBe(0);
    expect(
      (
        await pgPool().query(
          `SELECT (SELECT count(*) FROM usage_counters) AS usage, (SELECT count(*) FROM rate_limit_counters) AS rates, (SELECT count(*) FROM short_links) AS links`,
        )
      ).rows,
    ).toEqual(before.rows);
  });

  it('at night says the messages wait for morning and when the last one should go', async () => {
    await addContacts(tenantId, 3, { state: 'NSW' });
    const campaignId = await draft();
    const result = await dryRunCampaign({ actor, campaignId, now: new Date('2026-11-25T11:00:00Z') });
    expect(result.sendNow).toBe(0);
    expect(result.held).toEqual([
      { gate: 'quiet_hours', reason: 'quiet hours (21:00–09:00) in Australia/Sydney', count: 3 },
    ]);
    expect(result.finishEstimate).toBe('2026-11-25T22:01:00.000Z');
  });
});

describe('the first-run checklist', () => {
  it('ticks each step from what the workspace really did, and the dry run keeps its estimate on the campaign', async () => {
    const fresh = await sendingTenant({ name: 'Fresh' });
    const member = await actorFor(await signedInMember(fresh, 'STAFF'), 'STAFF');
    const ticks = async () => (await getFirstRunChecklist({ actor: member })).map((step) => step.done);
    expect(await ticks()).toEqual([false, false, false, false, false]);

    const freshNumber = await sendingNumber(fresh);
    await addContacts(fresh, 3);
    expect(await ticks()).toEqual([true, true, false, false, false]);
    const campaign = await db().campaign.create({
      data: {
        tenantId: fresh,
        name: 'First',
        templates: { create: [{ tenantId: fresh, body: 'Hello from us.' }] },
        numbers: { create: [{ tenantId: fresh, sendingNumberId: freshNumber.id }] },
      },
      select: { id: true },
    });
    await sendTestMessage({
      actor: member,
      campaignId: campaign.id,
      phone: '0412 555 000',
      provider: recordingProvider(),
    });
    const dryRun = await dryRunCampaign({ actor: member, campaignId: campaign.id, now: MIDDAY_SYDNEY });
    expect(await ticks()).toEqual([true, true, true, true, false]);
    expect(
      await db().campaign.findUniqueOrThrow({
        where: { id: campaign.id },
        select: { lastDryRunAt: true, lastDryRunMessages: true, lastDryRunCostMicros: true },
      }),
    ).toEqual({ lastDryRunAt: MIDDAY_SYDNEY, lastDryRunMessages: 3, lastDryRunCostMicros: BigInt(dryRun.costMicros) });
    await launchCampaign({ actor: member, campaignId: campaign.id, now: MIDDAY_SYDNEY });
    expect(await ticks()).toEqual([true, true, true, true, true]);
  });
});

describe('test sends', () => {
  it('sends the first message to the staff member’s phone, charges it and remembers the phone', async () => {
    const campaignId = await draft();
    const provider = recordingProvider();
    const result = await sendTestMessage({ actor, campaignId, phone: '0412 555 000', provider });
    expect(result.sent).toMatchObject({ to: '+61412555000', parts: 1 });
    expect(provider.sent.map((s) => [s.to, s.from])).toEqual([['+61412555000', number.value]]);
    expect(await db().user.findUniqueOrThrow({ where: { id: staff.userId }, select: { phoneE164: true } })).toEqual({
      phoneE164: '+61412555000',
    });
    expect(await db().spendLedgerEntry.count({ where: { tenantId, sendJobId: null } })).toBe(1);
  });

  it('refuses while the kill switch is on, to an opted-out number, or a landline, sending nothing', async () => {
    const campaignId = await draft();
    const provider = recordingProvider();
    await db().dncEntry.create({ data: { tenantId, phoneE164: '+61412555001', source: 'STOP_REPLY' } });
    await expect(sendTestMessage({ actor, campaignId, phone: '0412555001', provider })).rejects.toThrow(
      'has opted out',
    );
    await expect(sendTestMessage({ actor, campaignId, phone: '02 9876 5432', provider })).rejects.toThrow('landline');
    await db().tenantSettings.update({ where: { tenantId }, data: { paused: true } });
    await expect(sendTestMessage({ actor, campaignId, phone: '0412555002', provider })).rejects.toThrow(
      'Sending is stopped',
    );
    expect(provider.sent).toHaveLength(0);
  });
});

describe('the whole loop with the simulator', () => {
  const simulator = () =>
    simulatorProvider({ db: pgPool(), callbackDelayMs: 0, fate: () => ({ status: 'delivered' }) });

  it('launch, drain, signed callbacks: every message ends delivered and the progress says so', async () => {
    await addContacts(tenantId, 5);
    const campaignId = await draft();
    await launchCampaign({ actor, campaignId, now: MIDDAY_SYDNEY });

    await drainSendQueue({ provider: simulator(), rateLimits, clock: () => MIDDAY_SYDNEY });
    expect(
      await deliverSimulatorCallbacks({
        now: new Date(Date.now() + 1000),
        post: postToStatusRoute,
        callbackDelayMs: 0,
      }),
    ).toBe(5);
    expect(await jobStates(campaignId)).toEqual({ SENT: 5 });
    expect(
      await deliverSimulatorCallbacks({
        now: new Date(Date.now() + 2000),
        post: postToStatusRoute,
        callbackDelayMs: 0,
      }),
    ).toBe(5);
    await drainSendQueue({ provider: simulator(), rateLimits, clock: () => MIDDAY_SYDNEY });

    expect(await jobStates(campaignId)).toEqual({ DELIVERED: 5 });
    const res = await callRoute(progressRoute, {
      method: 'GET',
      path: '/api/campaigns/x/progress',
      cookie: staff.cookie,
      params: { campaignId },
    });
    const { progress } = await res.json();
    expect(progress).toMatchObject({
      status: 'COMPLETED',
      counts: { queued: 0, sending: 0, sent: 0, delivered: 5, failed: 0, held: 0, skipped: 0 },
      deliveryRate: 1,
      spentMicros: 5 * 55_000,
    });
  });

  it('a STOP reply while the campaign waits means that contact’s message is never sent', async () => {
    const [stopper] = await addContacts(tenantId, 3);
    const campaignId = await draft();
    await launchCampaign({ actor, campaignId, now: MIDDAY_SYDNEY });
    const params = {
      MessageSid: `SM${'5'.repeat(32)}`,
      From: stopper.phoneE164,
      To: number.value,
      Body: 'Stop!',
      AccountSid: 'ACtest',
    };
    const url = 'http://localhost:3000/api/webhooks/twilio/inbound';
    const reply = await inboundWebhook(
      new Request('http://127.0.0.1:3000/api/webhooks/twilio/inbound', {
        method: 'POST',
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          'x-twilio-signature': twilio.getExpectedTwilioSignature(webhookAuthToken(), url, params),
        },
        body: new URLSearchParams(params).toString(),
      }),
    );
    expect(reply.status).toBe(200);

    await drainSendQueue({ provider: simulator(), rateLimits, clock: () => MIDDAY_SYDNEY });

    const { rows } = await pgPool().query<{ toE164: string }>(
      `SELECT m."toE164" FROM simulated_messages m JOIN send_jobs j ON j.id = m."sendJobId" WHERE j."campaignId" = $1::uuid`,
      [campaignId],
    );
    expect(rows).toHaveLength(2);
    expect(rows.map((r) => r.toE164)).not.toContain(stopper.phoneE164);
    expect(
      await db().sendJob.findFirstOrThrow({
        where: { campaignId, toE164: stopper.phoneE164 },
        select: { state: true, gateReason: true },
      }),
    ).toEqual({ state: 'SKIPPED', gateReason: 'opted out' });
  });
});
