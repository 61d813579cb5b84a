import twilio from 'twilio';
import { beforeEach, describe, expect, it } from 'vitest';
import { POST } from '@/app/api/webhooks/twilio/inbound/route';
import type { Actor } from '@/lib/auth/actor';
import { getContactTimeline } from '@/lib/contacts/get-contact-timeline';
import { db } from '@/lib/db/client';
import { webhookAuthToken } from '@/lib/providers/provider-config';
import { createTenant } from '../../support/fixtures';

const URL_PATH = '/api/webhooks/twilio/inbound';
const PUBLIC_URL = `http://localhost:3000${URL_PATH}`;
const OUR_NUMBER = '+61400000001';
const CUSTOMER = '+61412345678';

let sid = 0;

function inbound(fields: Record<string, string>, options: { signature?: string | null; signedUrl?: string } = {}) {
  const params = {
    MessageSid: `SM${String(++sid).padStart(32, '0')}`,
    From: CUSTOMER,
    To: OUR_NUMBER,
    AccountSid: 'ACtest',
    ...fields,
  };
  const signature =
    options.signature === undefined
      ? twilio.getExpectedTwilioSignature(webhookAuthToken(), options.signedUrl ?? PUBLIC_URL, params)
      : options.signature;
  const headers: Record<string, string> = { 'content-type': 'application/x-www-form-urlencoded' };
  if (signature) headers['x-twilio-signature'] = signature;
  return {
    params,
    request: new Request(`http://127.0.0.1:3000${URL_PATH}`, {
      method: 'POST',
      headers,
      body: new URLSearchParams(params).toString(),
    }),
  };
}

describe('POST /api/webhooks/twilio/inbound', () => {
  let tenantId: string;
  let contactId: string;

  beforeEach(async () => {
    tenantId = (await createTenant('Inbound')).id;
    await db().sendingNumber.create({ data: { tenantId, value: OUR_NUMBER, kind: 'LONG_CODE' } });
    await db().sendingNumber.deleteMany({ where: { value: OUR_NUMBER, tenantId: { not: tenantId } } });
    contactId = (await db().contact.create({ data: { tenantId, phoneE164: CUSTOMER, consentStatus: 'EXPLICIT' } })).id;
    const campaign = await db().campaign.create({ data: { tenantId, name: 'Spring sale' } });
    await db().sendJob.createMany({
      data: [
        { tenantId, campaignId: campaign.id, contactId, toE164: CUSTOMER, state: 'QUEUED' },
        {
          tenantId,
          campaignId: (await db().campaign.create({ data: { tenantId, name: 'Later' } })).id,
          contactId,
          toE164: CUSTOMER,
          state: 'QUEUED',
          nextAttemptAt: new Date(Date.now() + 86_400_000),
        },
      ],
    });
  });

  it('opts the sender out within the request: DNC, consent record, waiting jobs skipped, confirmation in TwiML', async () => {
    const { request } = inbound({ Body: 'Stop!' });
    const res = await POST(request);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/xml');
    expect(await res.text()).toContain('<Message>You have been unsubscribed');

    expect(
      await db().dncEntry.findUnique({
        where: { tenantId_phoneE164: { tenantId, phoneE164: CUSTOMER } },
        select: { source: true },
      }),
    ).toEqual({ source: 'STOP_REPLY' });
    expect((await db().contact.findUniqueOrThrow({ where: { id: contactId } })).optedOutAt).not.toBeNull();
    expect(await db().sendJob.findMany({ where: { contactId }, select: { state: true, gateReason: true } })).toEqual([
      { state: 'SKIPPED', gateReason: 'opted out' },
      { state: 'SKIPPED', gateReason: 'opted out' },
    ]);
    expect(await db().consentEvent.count({ where: { contactId, action: 'OPTED_OUT' } })).toBe(1);
    expect(
      await db().inboundMessage.findFirst({
        where: { tenantId },
        select: { keyword: true, body: true, contactId: true },
      }),
    ).toEqual({ keyword: 'OPT_OUT', body: 'Stop!', contactId });
  });

  it('treats a replayed webhook as a no-op', async () => {
    const first = inbound({ Body: 'STOP' });
    await POST(first.request);
    const replay = new Request(first.request.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        'x-twilio-signature': twilio.getExpectedTwilioSignature(webhookAuthToken(), PUBLIC_URL, first.params),
      },
      body: new URLSearchParams(first.params).toString(),
    });
    const res = await POST(replay);
    expect(res.status).toBe(200);
    expect(await res.text()).not.toContain('<Message>');
    expect(await db().inboundMessage.count({ where: { tenantId } })).toBe(1);
    expect(await db().consentEvent.count({ where: { contactId } })).toBe(1);
    expect(await db().webhookEvent.count({ where: { tenantId } })).toBe(1);
  });

  it.each([
    ['no signature', { signature: null }],
    ['a forged signature', { signature: 'bm90IGEgcmVhbCBzaWduYXR1cmU=' }],
    ['a signature for another URL', { signedUrl: 'http://localhost:3000/api/webhooks/twilio/status' }],
  ])('refuses %s with 403 and stores nothing', async (_name, options) => {
    const res = await POST(inbound({ Body: 'STOP' }, options).request);
    expect(res.status).toBe(403);
    expect(await db().webhookEvent.count({ where: { tenantId } })).toBe(0);
    expect(await db().inboundMessage.count({ where: { tenantId } })).toBe(0);
    expect(await db().dncEntry.count({ where: { tenantId } })).toBe(0);
    expect(await db().sendJob.count({ where: { contactId, state: 'QUEUED' } })).toBe(2);
  });

  it('refuses a changed field after signing', async () => {
    const { params } = inbound({ Body: 'hello' });
    const signature = twilio.getExpectedTwilioSignature(webhookAuthToken(), PUBLIC_URL, params);
    const res = await POST(
      new Request(`http://127.0.0.1:3000${URL_PATH}`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': signature },
        body: new URLSearchParams({ ...params, Body: 'STOP' }).toString(),
      }),
    );
    expect(res.status).toBe(403);
  });

  it('re-subscribes on START and confirms', async () => {
    await POST(inbound({ Body: 'STOP' }).request);
    const res = await POST(inbound({ Body: 'start' }).request);
    expect(await res.text()).toContain('<Message>You are subscribed again.');
    expect(await db().dncEntry.count({ where: { tenantId } })).toBe(0);
    expect((await db().contact.findUniqueOrThrow({ where: { id: contactId } })).optedOutAt).toBeNull();
    expect(
      await db().consentEvent.findMany({ where: { contactId }, orderBy: { id: 'asc' }, select: { action: true } }),
    ).toEqual([{ action: 'OPTED_OUT' }, { action: 'OPTED_IN' }]);
  });

  it('records an opt-out Twilio already answered (Advanced Opt-Out) without a second confirmation', async () => {
    const res = await POST(inbound({ Body: 'Cancel', OptOutType: 'STOP' }).request);
    expect(await res.text()).not.toContain('<Message>');
    expect(await db().dncEntry.findFirst({ where: { tenantId }, select: { source: true } })).toEqual({
      source: 'ADVANCED_OPT_OUT',
    });
    expect(await db().sendJob.count({ where: { contactId, state: 'SKIPPED' } })).toBe(2);
  });

  it('answers HELP with the help reply and keeps other texts on the timeline without replying', async () => {
    expect(await (await POST(inbound({ Body: 'help' }).request)).text()).toContain(
      '<Message>Reply STOP to opt out.</Message>',
    );
    expect(await (await POST(inbound({ Body: "don't stop, loving the deals" }).request)).text()).not.toContain(
      '<Message>',
    );
    expect(
      await db().inboundMessage.findMany({ where: { tenantId }, orderBy: { id: 'asc' }, select: { keyword: true } }),
    ).toEqual([{ keyword: 'HELP' }, { keyword: 'NONE' }]);
    expect(await db().dncEntry.count({ where: { tenantId } })).toBe(0);
    expect(await db().sendJob.count({ where: { contactId, state: 'QUEUED' } })).toBe(2);
  });

  it("keeps an ordinary reply on the contact's timeline with its event, both stamped now", async () => {
    const before = Date.now();
    const { params, request } = inbound({ Body: 'Thanks, see you Saturday' });
    expect(await (await POST(request)).text()).not.toContain('<Message>');
    const messages = await db().inboundMessage.findMany({
      where: { tenantId },
      select: {
        contactId: true,
        fromE164: true,
        toNumber: true,
        body: true,
        keyword: true,
        messageSid: true,
        receivedAt: true,
      },
    });
    expect(messages).toEqual([
      {
        contactId,
        fromE164: CUSTOMER,
        toNumber: OUR_NUMBER,
        body: 'Thanks, see you Saturday',
        keyword: 'NONE',
        messageSid: params.MessageSid,
        receivedAt: expect.any(Date),
      },
    ]);
    const event = await db().webhookEvent.findFirstOrThrow({
      where: { tenantId },
      select: { kind: true, eventKey: true, messageSid: true, payload: true, receivedAt: true, processedAt: true },
    });
    expect(event).toMatchObject({
      kind: 'INBOUND',
      eventKey: `inbound:${params.MessageSid}`,
      messageSid: params.MessageSid,
      payload: params,
    });
    for (const at of [messages[0].receivedAt, event.receivedAt, event.processedAt!])
      expect(Math.abs(at.getTime() - before)).toBeLessThan(60_000);
  });

  it('flags a reply that may be asking to stop for staff, keeps the contact subscribed, and says so on the timeline', async () => {
    await POST(inbound({ Body: 'How do I stop these?' }).request);
    await POST(inbound({ Body: 'Do you have it in blue?' }).request);
    expect(
      await db().inboundMessage.findMany({
        where: { tenantId },
        orderBy: { id: 'asc' },
        select: { body: true, keyword: true, possibleOptOut: true },
      }),
    ).toEqual([
      { body: 'How do I stop these?', keyword: 'NONE', possibleOptOut: true },
      { body: 'Do you have it in blue?', keyword: 'NONE', possibleOptOut: false },
    ]);
    expect(await db().dncEntry.count({ where: { tenantId } })).toBe(0);
    const actor: Actor = {
      userId: 'staff',
      email: 'staff@example.com',
      name: null,
      tenantId,
      tenantName: 'Inbound',
      role: 'STAFF',
      memberships: [],
    };
    const titles = (await getContactTimeline({ actor, contactId }))
      .filter((e) => e.kind === 'inbound')
      .map((e) => [e.detail, e.title]);
    expect(titles).toContainEqual([
      'How do I stop these?',
      'Replied — possibly asking to opt out; read it and opt them out if so',
    ]);
    expect(titles).toContainEqual(['Do you have it in blue?', 'Replied']);
  });

  it('keeps a reply from someone who is not a contact, without a contact', async () => {
    await POST(inbound({ Body: 'Who is this?', From: '+61412999777' }).request);
    expect(
      await db().inboundMessage.findFirst({ where: { tenantId }, select: { contactId: true, fromE164: true } }),
    ).toEqual({ contactId: null, fromE164: '+61412999777' });
  });

  it.each([
    ['ordinary text', 'See you then'],
    ['HELP', 'help'],
  ])('treats a replayed %s as a no-op, without a second reply', async (_name, body) => {
    const first = inbound({ Body: body });
    await POST(first.request);
    const replay = new Request(first.request.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        'x-twilio-signature': twilio.getExpectedTwilioSignature(webhookAuthToken(), PUBLIC_URL, first.params),
      },
      body: new URLSearchParams(first.params).toString(),
    });
    const res = await POST(replay);
    expect(res.status).toBe(200);
    expect(await res.text()).not.toContain('<Message>');
    expect(await db().inboundMessage.count({ where: { tenantId } })).toBe(1);
    expect(await db().webhookEvent.count({ where: { tenantId } })).toBe(1);
  });

  it('stores a message Twilio delivers several times at once exactly once', async () => {
    const { params } = inbound({ Body: 'Is the sale still on?' });
    const signature = twilio.getExpectedTwilioSignature(webhookAuthToken(), PUBLIC_URL, params);
    const deliveries = Array.from({ length: 5 }, () =>
      POST(
        new Request(`http://127.0.0.1:3000${URL_PATH}`, {
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': signature },
          body: new URLSearchParams(params).toString(),
        }),
      ),
    );
    expect((await Promise.all(deliveries)).map((r) => r.status)).toEqual([200, 200, 200, 200, 200]);
    expect(await db().inboundMessage.count({ where: { tenantId } })).toBe(1);
    expect(await db().webhookEvent.count({ where: { tenantId } })).toBe(1);
  });

  it('records a HELP Twilio already answered (Advanced Opt-Out) without a second answer', async () => {
    const res = await POST(inbound({ Body: 'info', OptOutType: 'HELP' }).request);
    expect(await res.text()).not.toContain('<Message>');
    expect(await db().inboundMessage.findFirst({ where: { tenantId }, select: { keyword: true } })).toEqual({
      keyword: 'HELP',
    });
  });

  it('routes a reply to whoever owns the number now: a number moved to another tenant, or removed, is followed at once', async () => {
    await POST(inbound({ Body: 'first' }).request);
    const newOwner = (await createTenant('New owner')).id;
    await db().sendingNumber.updateMany({ where: { tenantId, value: OUR_NUMBER }, data: { tenantId: newOwner } });
    await POST(inbound({ Body: 'second' }).request);
    await db().sendingNumber.deleteMany({ where: { value: OUR_NUMBER } });
    await POST(inbound({ Body: 'third' }).request);
    expect(
      await db().inboundMessage.findMany({
        where: { tenantId: { in: [tenantId, newOwner] } },
        orderBy: { id: 'asc' },
        select: { tenantId: true, body: true },
      }),
    ).toEqual([
      { tenantId, body: 'first' },
      { tenantId: newOwner, body: 'second' },
    ]);
  });

  it('puts an unknown sender who texts STOP on DNC so a later import cannot add them', async () => {
    await POST(inbound({ Body: 'STOP', From: '+61412999888' }).request);
    expect(await db().dncEntry.count({ where: { tenantId, phoneE164: '+61412999888' } })).toBe(1);
  });

  it('ignores texts to a number no tenant owns', async () => {
    const res = await POST(inbound({ Body: 'STOP', To: '+61400999999' }).request);
    expect(res.status).toBe(200);
    expect(await db().inboundMessage.count({ where: { toNumber: '+61400999999' } })).toBe(0);
    expect(await db().dncEntry.count({ where: { tenantId } })).toBe(0);
  });
});

describe('webhook bodies', () => {
  function streamedBody(totalBytes: number, onPull: () => void): ReadableStream<Uint8Array> {
    let sent = 0;
    return new ReadableStream(
      {
        pull(controller) {
          onPull();
          if (sent >= totalBytes) return controller.close();
          const chunk = new TextEncoder().encode('Body=' + 'x'.repeat(16 * 1024 - 5));
          sent += chunk.byteLength;
          controller.enqueue(chunk);
        },
        // Nothing is produced until the reader asks: a pull is a read.
      },
      { highWaterMark: 0 },
    );
  }

  function post(body: ReadableStream<Uint8Array> | string, headers: Record<string, string>) {
    return POST(
      new Request(`http://127.0.0.1:3000${URL_PATH}`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
        body,
        duplex: 'half',
      } as RequestInit),
    );
  }

  it('refuses an unsigned call with 403 before reading a byte of its body', async () => {
    let pulls = 0;
    const response = await post(
      streamedBody(50 * 1024 * 1024, () => (pulls += 1)),
      {},
    );
    expect(response.status).toBe(403);
    expect(pulls).toBe(0);
  });

  it('answers 413 to a body that declares more than any Twilio webhook, without reading it', async () => {
    let pulls = 0;
    const response = await post(
      streamedBody(50 * 1024 * 1024, () => (pulls += 1)),
      { 'x-twilio-signature': 'c2lnbmVk', 'content-length': String(50 * 1024 * 1024) },
    );
    expect(response.status).toBe(413);
    expect(pulls).toBe(0);
  });

  it('stops reading a streamed body once it passes the cap and answers 413', async () => {
    let pulls = 0;
    const response = await post(
      streamedBody(50 * 1024 * 1024, () => (pulls += 1)),
      { 'x-twilio-signature': 'c2lnbmVk' },
    );
    expect(response.status).toBe(413);
    expect(pulls).toBeLessThan(10);
  });

  it('still takes a signed message of ordinary size', async () => {
    const { request } = inbound({ Body: 'Which store has the blue jacket?' });
    expect((await POST(request)).status).toBe(200);
  });
});
