import twilio from 'twilio';
import { beforeEach, describe, expect, it } from 'vitest';
import { POST } from '@/app/api/webhooks/twilio/inbound/route';
import { listConversations } from '@/lib/conversations/list-conversations';
import { db } from '@/lib/db/client';
import { webhookAuthToken } from '@/lib/providers/provider-config';
import { classifyKeyword } from '@/lib/inbound/keywords';
import { RESERVED_KEYWORDS } from '@/lib/tenants/join-keyword';
import { createTenant, signedInMember } from '../../support/fixtures';
import { actorFor } from '../../support/import-fixtures';

const URL_PATH = '/api/webhooks/twilio/inbound';
const PUBLIC_URL = `http://localhost:3000${URL_PATH}`;
const OUR_NUMBER = '+61400000071';

let sid = 0;

function inbound(from: string, body: string) {
  const params = {
    MessageSid: `SMjoin${String(++sid).padStart(28, '0')}`,
    From: from,
    To: OUR_NUMBER,
    AccountSid: 'ACtest',
    Body: body,
  };
  const signature = twilio.getExpectedTwilioSignature(webhookAuthToken(), PUBLIC_URL, params);
  return {
    params,
    request: new Request(`http://127.0.0.1:3000${URL_PATH}`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': signature },
      body: new URLSearchParams(params).toString(),
    }),
  };
}

async function text(from: string, body: string) {
  const message = inbound(from, body);
  const res = await POST(message.request);
  return { twiml: await res.text(), sid: message.params.MessageSid };
}

describe('the join keyword', () => {
  let tenantId: string;

  beforeEach(async () => {
    tenantId = (await createTenant('Bright Bakery')).id;
    await db().sendingNumber.deleteMany({ where: { value: OUR_NUMBER } });
    await db().sendingNumber.create({ data: { tenantId, value: OUR_NUMBER, kind: 'LONG_CODE' } });
    await db().tenantSettings.update({ where: { tenantId }, data: { joinKeyword: 'JOIN' } });
  });

  it('subscribes a new number: a contact with explicit consent, the message as proof, the confirmation naming the business', async () => {
    const before = new Date();
    const { twiml, sid: messageSid } = await text('0412 555 001', ' Join! ');

    expect(twiml).toBe(
      '<?xml version="1.0" encoding="UTF-8"?><Response><Message>Bright Bakery: you are subscribed to our messages. Reply STOP to opt out.</Message></Response>',
    );
    const contact = await db().contact.findUniqueOrThrow({
      where: { tenantId_phoneE164: { tenantId, phoneE164: '+61412555001' } },
      include: { consentEvents: true },
    });
    expect(contact).toMatchObject({ consentStatus: 'EXPLICIT', consentSource: 'keyword', optedOutAt: null });
    expect(contact.consentEvents).toHaveLength(1);
    const [event] = contact.consentEvents;
    expect(event).toMatchObject({ action: 'GRANTED', status: 'EXPLICIT', source: 'keyword' });
    const proof = (event.details as { proof: { message: string; messageSid: string; to: string; receivedAt: string } })
      .proof;
    expect(proof).toMatchObject({ message: ' Join! ', messageSid, to: OUR_NUMBER });
    expect(new Date(proof.receivedAt).getTime()).toBeGreaterThanOrEqual(before.getTime() - 1000);
    expect(
      await db().inboundMessage.findFirstOrThrow({ where: { tenantId }, select: { keyword: true, contactId: true } }),
    ).toEqual({ keyword: 'JOIN', contactId: contact.id });

    // The inbox shows it as a keyword handled, not a reply waiting for staff.
    const staff = await actorFor(await signedInMember(tenantId, 'STAFF'), 'STAFF');
    const [conversation] = (await listConversations({ actor: staff, query: { filter: 'all', page: 1 } })).conversations;
    expect(conversation).toMatchObject({ keywordHandled: true, lastInboundKeyword: 'JOIN', unread: false });
  });

  it('makes an existing contact’s unknown consent explicit, answers with the workspace’s own confirmation, and acts once per message', async () => {
    const existing = await db().contact.create({
      data: { tenantId, phoneE164: '+61412555002', firstName: 'Kim', consentStatus: 'UNKNOWN' },
    });
    await db().tenantSettings.update({
      where: { tenantId },
      data: { joinKeyword: 'BREAD', joinReply: 'Bright Bakery deals are on their way. Reply STOP to opt out.' },
    });
    const message = inbound('+61412555002', 'bread');
    expect(await (await POST(message.request)).text()).toContain(
      '<Message>Bright Bakery deals are on their way. Reply STOP to opt out.</Message>',
    );
    const replay = new Request(message.request.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        'x-twilio-signature': twilio.getExpectedTwilioSignature(webhookAuthToken(), PUBLIC_URL, message.params),
      },
      body: new URLSearchParams(message.params).toString(),
    });
    expect(await (await POST(replay)).text()).not.toContain('<Message>');

    const contact = await db().contact.findUniqueOrThrow({
      where: { id: existing.id },
      include: { consentEvents: true },
    });
    expect(contact).toMatchObject({ firstName: 'Kim', consentStatus: 'EXPLICIT', consentSource: 'keyword' });
    expect(contact.consentEvents.map((e) => e.action)).toEqual(['GRANTED']);
    expect(await db().contact.count({ where: { tenantId } })).toBe(1);
  });

  it('takes a number on the do-not-contact list off it, as START does: the person asked', async () => {
    const contact = await db().contact.create({
      data: { tenantId, phoneE164: '+61412555003', consentStatus: 'EXPLICIT' },
    });
    await text('+61412555003', 'STOP');
    expect(await db().dncEntry.count({ where: { tenantId, phoneE164: '+61412555003' } })).toBe(1);
    // An unknown number on the list (opted out before it was ever a contact) too.
    await text('+61412555004', 'STOP');

    expect((await text('+61412555003', 'JOIN')).twiml).toContain('Reply STOP to opt out.');
    await text('+61412555004', 'join');

    expect(await db().dncEntry.count({ where: { tenantId } })).toBe(0);
    const after = await db().contact.findUniqueOrThrow({ where: { id: contact.id }, include: { consentEvents: true } });
    expect(after.optedOutAt).toBeNull();
    expect(after.consentEvents.sort((a, b) => Number(a.id - b.id)).map((e) => [e.action, e.source])).toEqual([
      ['OPTED_OUT', 'stop_reply'],
      ['OPTED_IN', 'keyword'],
      ['GRANTED', 'keyword'],
    ]);
    expect(
      await db().contact.findUniqueOrThrow({
        where: { tenantId_phoneE164: { tenantId, phoneE164: '+61412555004' } },
        select: { consentStatus: true, optedOutAt: true },
      }),
    ).toEqual({ consentStatus: 'EXPLICIT', optedOutAt: null });
  });

  it('ignores another word, the keyword inside a sentence, and a workspace without a keyword', async () => {
    for (const body of ['JOINED', 'How do I join?', 'join me', 'please join']) {
      expect((await text('+61412555005', body)).twiml).toBe('<?xml version="1.0" encoding="UTF-8"?><Response/>');
    }
    await db().tenantSettings.update({ where: { tenantId }, data: { joinKeyword: null } });
    expect((await text('+61412555005', 'JOIN')).twiml).not.toContain('<Message>');

    expect(await db().contact.count({ where: { tenantId } })).toBe(0);
    expect(await db().consentEvent.count({ where: { tenantId } })).toBe(0);
    const keywords = await db().inboundMessage.findMany({ where: { tenantId }, select: { keyword: true } });
    expect(keywords).toHaveLength(5);
    expect(keywords.every((m) => m.keyword === 'NONE')).toBe(true);
  });

  it('reserves every word the webhook already reads as a keyword', () => {
    for (const word of RESERVED_KEYWORDS) expect(classifyKeyword(word)).not.toBe('NONE');
  });
});
