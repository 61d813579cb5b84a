import twilio from 'twilio';
import { beforeEach, describe, expect, it } from 'vitest';
import { POST as inboundWebhook } from '@/app/api/webhooks/twilio/inbound/route';
import { POST as statusWebhook } from '@/app/api/webhooks/twilio/status/route';
import type { Actor } from '@/lib/auth/actor';
import { countUnreadConversations } from '@/lib/conversations/count-unread-conversations';
import { getConversation } from '@/lib/conversations/get-conversation';
import { listConversations } from '@/lib/conversations/list-conversations';
import { markConversationRead } from '@/lib/conversations/mark-conversation-read';
import { optOutConversation } from '@/lib/conversations/opt-out-conversation';
import { previewConversationReply } from '@/lib/conversations/preview-conversation-reply';
import { sendConversationReply } from '@/lib/conversations/send-conversation-reply';
import { updateConversation } from '@/lib/conversations/update-conversation';
import { db } from '@/lib/db/client';
import { webhookAuthToken } from '@/lib/providers/provider-config';
import { createTenant, signedInMember } from '../../support/fixtures';
import { actorFor } from '../../support/import-fixtures';
import { recordingProvider } from '../../support/sending-fixtures';
import { refusalMessage } from '../../support/refusal';

const INBOUND_URL = 'http://localhost:3000/api/webhooks/twilio/inbound';
const STATUS_URL = 'http://localhost:3000/api/webhooks/twilio/status';
const QUERY = { filter: 'all', page: 1 } as const;
let sid = 0;
let numberSeed = 0;

function longCode(): string {
  return `+6140${String(Date.now() % 1e6).padStart(6, '0')}${++numberSeed % 10}`;
}

async function textIn(from: string, to: string, body: string) {
  const params = {
    MessageSid: `SM${String(++sid).padStart(32, 'c')}`,
    From: from,
    To: to,
    Body: body,
    AccountSid: 'AC',
  };
  const signature = twilio.getExpectedTwilioSignature(webhookAuthToken(), INBOUND_URL, params);
  const res = await inboundWebhook(
    new Request('http://127.0.0.1:3000/api/webhooks/twilio/inbound', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': signature },
      body: new URLSearchParams(params).toString(),
    }),
  );
  expect(res.status).toBe(200);
}

async function statusCallback(replyId: string, fields: Record<string, string>) {
  const url = `${STATUS_URL}?cr=${replyId}`;
  const signature = twilio.getExpectedTwilioSignature(webhookAuthToken(), url, fields);
  return statusWebhook(
    new Request(`http://10.0.0.5:3000/api/webhooks/twilio/status?cr=${replyId}`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': signature },
      body: new URLSearchParams(fields).toString(),
    }),
  );
}

async function workspace(name: string) {
  const tenant = await createTenant(name);
  const number = longCode();
  await db().sendingNumber.create({ data: { tenantId: tenant.id, value: number, kind: 'LONG_CODE' } });
  const staff = await actorFor(await signedInMember(tenant.id, 'STAFF'), 'STAFF');
  return { tenantId: tenant.id, number, staff };
}

async function onlyConversation(actor: Actor) {
  const { conversations } = await listConversations({ actor, query: QUERY });
  expect(conversations).toHaveLength(1);
  return conversations[0];
}

describe('conversations', () => {
  let tenantId: string;
  let number: string;
  let staff: Actor;

  beforeEach(async () => {
    ({ tenantId, number, staff } = await workspace('Inbox'));
  });

  it('folds a reply into its conversation, attributed to the campaign last sent to that number', async () => {
    const customer = '+61412000101';
    const contact = await db().contact.create({
      data: { tenantId, phoneE164: customer, firstName: 'Ann', consentStatus: 'EXPLICIT' },
    });
    const older = await db().campaign.create({ data: { tenantId, name: 'Winter sale' } });
    const newer = await db().campaign.create({ data: { tenantId, name: 'Spring sale' } });
    const notYetSent = await db().campaign.create({ data: { tenantId, name: 'Queued' } });
    await db().sendJob.createMany({
      data: [
        {
          tenantId,
          campaignId: older.id,
          contactId: contact.id,
          toE164: customer,
          state: 'DELIVERED',
          sentAt: new Date(Date.now() - 86_400_000),
        },
        {
          tenantId,
          campaignId: newer.id,
          contactId: contact.id,
          toE164: customer,
          state: 'DELIVERED',
          sentAt: new Date(Date.now() - 3_600_000),
        },
        { tenantId, campaignId: notYetSent.id, contactId: contact.id, toE164: customer, state: 'QUEUED' },
      ],
    });

    await textIn(customer, number, 'Do you have the blue jacket in size M?');
    const first = await onlyConversation(staff);
    expect(first).toMatchObject({
      remoteE164: customer,
      numberValue: number,
      contactName: 'Ann',
      campaignName: 'Spring sale',
      lastInboundBody: 'Do you have the blue jacket in size M?',
      unread: true,
      needsReply: true,
      possibleOptOut: false,
    });

    await textIn(customer, number, 'Which store?');
    const second = await onlyConversation(staff);
    expect(second.id).toBe(first.id);
    expect(second.lastInboundBody).toBe('Which store?');
    const detail = await getConversation({ actor: staff, conversationId: first.id });
    expect(detail.thread.filter((t) => t.kind === 'inbound').map((t) => t.body)).toEqual([
      'Do you have the blue jacket in size M?',
      'Which store?',
    ]);
    expect(
      detail.thread.filter((t) => t.kind === 'campaign').map((t) => t.kind === 'campaign' && t.campaignName),
    ).toEqual(['Winter sale', 'Spring sale']);
  });

  it('gives a number with no contact its own conversation, and flags a possible opt-out and a keyword', async () => {
    await textIn('+61412000202', number, 'how do I stop these?');
    await textIn('+61412000303', number, 'HELP');
    const { conversations } = await listConversations({ actor: staff, query: QUERY });
    const byNumber = new Map(conversations.map((c) => [c.remoteE164, c]));
    expect(byNumber.get('+61412000202')).toMatchObject({
      contactId: null,
      campaignId: null,
      possibleOptOut: true,
      unread: true,
    });
    expect(byNumber.get('+61412000303')).toMatchObject({ keywordHandled: true, unread: false, needsReply: false });
    const flagged = await listConversations({ actor: staff, query: { ...QUERY, filter: 'possible-opt-out' } });
    expect(flagged.conversations.map((c) => c.remoteE164)).toEqual(['+61412000202']);
  });

  it('counts unread conversations per tenant, never another tenant’s', async () => {
    const other = await workspace('Other inbox');
    await textIn('+61412000404', number, 'Are you open Sunday?');
    await textIn('+61412000505', number, 'Thanks!');
    await textIn('+61412000404', other.number, 'Hello other shop');
    expect(await countUnreadConversations({ actor: staff })).toBe(2);
    expect(await countUnreadConversations({ actor: other.staff })).toBe(1);
    const [one] = (await listConversations({ actor: staff, query: QUERY })).conversations;
    await markConversationRead({ actor: staff, conversationId: one.id });
    expect(await countUnreadConversations({ actor: staff })).toBe(1);
    expect(await countUnreadConversations({ actor: other.staff })).toBe(1);
    const foreign = await refusalMessage(getConversation({ actor: other.staff, conversationId: one.id }));
    expect(foreign).toBe('That conversation was not found.');
  });

  it('hides message bodies from a viewer', async () => {
    await textIn('+61412000606', number, 'My secret question');
    await textIn('+61412000606', number, 'HELP');
    const viewer = await actorFor(await signedInMember(tenantId, 'VIEWER'), 'VIEWER');
    const summary = await onlyConversation(viewer);
    expect(summary.lastInboundBody).toBeNull();
    expect(summary.keywordHandled).toBe(true);
    const detail = await getConversation({ actor: viewer, conversationId: summary.id });
    expect(detail.thread.every((t) => t.body === null)).toBe(true);
    expect(detail.thread.some((t) => t.kind === 'inbound' && t.automaticAnswer !== null)).toBe(false);
  });

  it('sends a reply from the conversation’s long code without a footer, and its status callbacks move it on', async () => {
    await textIn('+61412000707', number, 'Which store?');
    const conversation = await onlyConversation(staff);
    const provider = recordingProvider();
    const reply = await sendConversationReply({
      actor: staff,
      conversationId: conversation.id,
      input: { body: 'Our Bondi store, open till 5.' },
      provider,
    });
    expect(provider.sent).toHaveLength(1);
    expect(provider.sent[0]).toMatchObject({ from: number, to: '+61412000707', body: 'Our Bondi store, open till 5.' });
    expect(provider.sent[0].conversationReplyId).toBe(BigInt(reply.replyId));
    const spent = await db().usageCounter.findMany({ where: { tenantId, scope: 'spend:day' }, select: { used: true } });
    expect(spent.map((s) => Number(s.used))).toEqual([reply.costMicros]);

    const stored = await db().conversationReply.findUniqueOrThrow({
      where: { id: BigInt(reply.replyId) },
      select: { providerMessageId: true },
    });
    const sms = stored.providerMessageId!;
    expect(
      (await statusCallback(reply.replyId, { MessageSid: sms, MessageStatus: 'sent', To: '+61412000707' })).status,
    ).toBe(204);
    await statusCallback(reply.replyId, { MessageSid: sms, MessageStatus: 'delivered', To: '+61412000707' });
    await statusCallback(reply.replyId, { MessageSid: sms, MessageStatus: 'sent', To: '+61412000707' });
    const detail = await getConversation({ actor: staff, conversationId: conversation.id });
    const sent = detail.thread.find((t) => t.kind === 'reply');
    expect(sent).toMatchObject({ state: 'DELIVERED', sentBy: staff.email, body: 'Our Bondi store, open till 5.' });
    expect(detail.needsReply).toBe(false);
  });

  it('refuses a reply to a number on the DNC list, saying why, and when the kill switch is on', async () => {
    await textIn('+61412000808', number, 'Not interested. How did you get my number?');
    const conversation = await onlyConversation(staff);
    expect(conversation.possibleOptOut).toBe(true);
    await optOutConversation({ actor: staff, conversationId: conversation.id });
    const dnc = await db().dncEntry.findUniqueOrThrow({
      where: { tenantId_phoneE164: { tenantId, phoneE164: '+61412000808' } },
      select: { reason: true },
    });
    expect(dnc.reason).toContain('Not interested. How did you get my number?');
    const provider = recordingProvider();
    const why = await refusalMessage(
      sendConversationReply({ actor: staff, conversationId: conversation.id, input: { body: 'Sorry!' }, provider }),
    );
    expect(why).toMatch(/\+61412000808 is on the do-not-contact list \(stop reply: Replied "Not interested/);
    expect(await onlyConversation(staff)).toMatchObject({ possibleOptOut: false, needsReply: false, optedOut: true });

    await textIn('+61412000909', number, 'Hi there');
    const open = (await listConversations({ actor: staff, query: QUERY })).conversations.find(
      (c) => c.remoteE164 === '+61412000909',
    )!;
    await db().tenantSettings.update({ where: { tenantId }, data: { paused: true, pausedReason: 'Checking costs' } });
    expect(
      await refusalMessage(
        sendConversationReply({ actor: staff, conversationId: open.id, input: { body: 'Hi' }, provider }),
      ),
    ).toBe('Sending is stopped for the whole workspace: Checking costs, so no reply can go.');
    expect(provider.sent).toHaveLength(0);
    expect(await db().conversationReply.count({ where: { tenantId } })).toBe(0);
  });

  it('refuses a reply the budget cannot pay for, and shows its parts and cost before it is sent', async () => {
    await textIn('+61412001201', number, 'Open on Sunday?');
    const conversation = await onlyConversation(staff);
    const preview = await previewConversationReply({
      actor: staff,
      conversationId: conversation.id,
      input: { body: 'Yes, 10 to 4 — see you then!' },
    });
    expect(preview).toMatchObject({ encoding: 'UCS-2', parts: 1, costMicros: 55_000, refusal: null, from: number });
    await db().budget.create({ data: { tenantId, period: 'DAILY', capMicros: 50_000 } });
    const provider = recordingProvider();
    expect(
      await refusalMessage(
        sendConversationReply({ actor: staff, conversationId: conversation.id, input: { body: 'Yes' }, provider }),
      ),
    ).toBe("Today's budget is spent, so no reply can go until tomorrow or an admin raises it.");
    expect(provider.sent).toHaveLength(0);
  });

  describe('quiet hours', () => {
    // 20:59 and 21:01 in Sydney (AEDT, UTC+11) on 25 November 2026.
    const BEFORE = new Date('2026-11-25T09:59:00.000Z');
    const AFTER = new Date('2026-11-25T10:01:00.000Z');

    async function conversationLastWrittenAt(phoneE164: string, at: Date) {
      await db().contact.create({ data: { tenantId, phoneE164, state: 'NSW', consentStatus: 'EXPLICIT' } });
      await db().inboundMessage.create({
        data: {
          tenantId,
          fromE164: phoneE164,
          toNumber: number,
          body: 'Are you open?',
          messageSid: `SMq${++sid}`,
          receivedAt: at,
        },
      });
      return (await listConversations({ actor: staff, query: QUERY })).conversations.find(
        (c) => c.remoteE164 === phoneE164,
      )!.id;
    }

    async function reply(conversationId: string, now: Date) {
      const provider = recordingProvider();
      const outcome = await sendConversationReply({
        actor: staff,
        conversationId,
        input: { body: 'Yes' },
        provider,
        now,
      });
      expect(provider.sent).toHaveLength(outcome.held ? 0 : 1);
      return outcome.held ? `held until ${outcome.sendAfter.toISOString()}: ${outcome.reason}` : 'sent';
    }

    it('never hold a reply to a message from the last 24 hours', async () => {
      const recent = await conversationLastWrittenAt('+61412001001', new Date(AFTER.getTime() - 2 * 3_600_000));
      expect(await reply(recent, BEFORE)).toBe('sent');
      expect(await reply(recent, AFTER)).toBe('sent');
    });

    it('hold a reply after 21:00 until 09:00 once the person’s last message is more than 24 hours old, saying why', async () => {
      const old = await conversationLastWrittenAt('+61412001002', new Date(BEFORE.getTime() - 25 * 3_600_000));
      expect(await reply(old, BEFORE)).toBe('sent');
      expect(await reply(old, AFTER)).toBe(
        'held until 2026-11-25T22:00:00.000Z: It is quiet hours (21:00–09:00) in Australia/Sydney, and the person last wrote more than 24 hours ago, so this is no longer an answer to a message of theirs: it is held until quiet hours end.',
      );
    });
  });

  it('audits assignment and done in the same transaction as the change', async () => {
    await textIn('+61412001101', number, 'Call me back please');
    const conversation = await onlyConversation(staff);
    await updateConversation({ actor: staff, conversationId: conversation.id, input: { assignedToId: staff.userId } });
    await updateConversation({ actor: staff, conversationId: conversation.id, input: { done: true } });
    const mine = await listConversations({ actor: staff, query: { ...QUERY, filter: 'done' } });
    expect(mine.conversations[0]).toMatchObject({ done: true, unread: false, assignedToEmail: staff.email });
    const audit = await db().auditLog.findMany({
      where: { tenantId, entityType: 'conversation', entityId: conversation.id },
      orderBy: { id: 'asc' },
      select: { action: true, actorUserId: true },
    });
    expect(audit).toEqual([
      { action: 'conversation.assigned', actorUserId: staff.userId },
      { action: 'conversation.done', actorUserId: staff.userId },
    ]);
    const outsider = await actorFor(await signedInMember((await createTenant('Elsewhere')).id, 'STAFF'), 'STAFF');
    expect(
      await refusalMessage(
        updateConversation({ actor: staff, conversationId: conversation.id, input: { assignedToId: outsider.userId } }),
      ),
    ).toBe('A conversation can only be given to a staff member or admin of this workspace.');

    await textIn('+61412001101', number, 'Hello again?');
    expect((await onlyConversation(staff)).done).toBe(false);
  });
});
