import { beforeEach, describe, expect, it } from 'vitest';
import type { Actor } from '@/lib/auth/actor';
import { cancelHeldReply } from '@/lib/conversations/cancel-held-reply';
import { getConversation } from '@/lib/conversations/get-conversation';
import { listConversations } from '@/lib/conversations/list-conversations';
import { optOutConversation } from '@/lib/conversations/opt-out-conversation';
import { previewConversationReply } from '@/lib/conversations/preview-conversation-reply';
import { INTERRUPTED_REPLY_REASON, recoverInterruptedReplies } from '@/lib/conversations/recover-interrupted-replies';
import { sendConversationReply } from '@/lib/conversations/send-conversation-reply';
import { sendHeldReplies } from '@/lib/conversations/send-held-replies';
import { db } from '@/lib/db/client';
import type { SmsProvider } from '@/lib/providers/sms-provider';
import { createTenant, signedInMember } from '../../support/fixtures';
import { actorFor } from '../../support/import-fixtures';
import { refusalMessage } from '../../support/refusal';
import { recordingProvider } from '../../support/sending-fixtures';

// 21:01 on 25 November 2026 in Sydney (AEDT, UTC+11); quiet hours end at 09:00, 22:00 UTC.
const AFTER = new Date('2026-11-25T10:01:00.000Z');
const QUIET_ENDS = new Date('2026-11-25T22:00:00.000Z');
const minutes = (at: Date, n: number) => new Date(at.getTime() + n * 60_000);
let sid = 0;

describe('replies held by quiet hours, and replies a crash interrupted', () => {
  let tenantId: string;
  let number: string;
  let staff: Actor;

  beforeEach(async () => {
    const tenant = await createTenant('Held replies');
    tenantId = tenant.id;
    number = `+614${String(Date.now() % 1e8).padStart(8, '0')}`;
    await db().sendingNumber.create({ data: { tenantId, value: number, kind: 'LONG_CODE' } });
    staff = await actorFor(await signedInMember(tenantId, 'STAFF'), 'STAFF');
  });

  /** A conversation whose person last wrote `hoursBefore` hours before `at`. */
  async function conversationWrittenBefore(phoneE164: string, at: Date, hoursBefore: number) {
    await db().contact.create({ data: { tenantId, phoneE164, state: 'NSW', consentStatus: 'EXPLICIT' } });
    await db().inboundMessage.create({
      data: {
        tenantId,
        fromE164: phoneE164,
        toNumber: number,
        body: 'Do you have it in blue?',
        messageSid: `SMheld${++sid}`,
        receivedAt: new Date(at.getTime() - hoursBefore * 3_600_000),
      },
    });
    const { conversations } = await listConversations({ actor: staff, query: { filter: 'all', page: 1 } });
    return conversations.find((c) => c.remoteE164 === phoneE164)!.id;
  }

  async function holdReply(conversationId: string, body: string) {
    const reply = await sendConversationReply({
      actor: staff,
      conversationId,
      input: { body },
      provider: recordingProvider(),
      now: AFTER,
    });
    expect(reply).toMatchObject({ held: true, sendAfter: QUIET_ENDS });
    return reply.replyId;
  }

  const replyRow = (id: string) =>
    db().conversationReply.findUniqueOrThrow({
      where: { id: BigInt(id) },
      select: { state: true, heldReason: true, sendAfter: true, providerMessageId: true },
    });
  const spentToday = async () =>
    (await db().usageCounter.findMany({ where: { tenantId, scope: 'spend:day' }, select: { used: true } })).reduce(
      (sum, c) => sum + Number(c.used),
      0,
    );

  it('holds a reply until quiet hours end, charges it when it goes, and never sends one to a number opted out meanwhile', async () => {
    const keeps = await conversationWrittenBefore('+61412002001', AFTER, 25);
    const optsOut = await conversationWrittenBefore('+61412002002', AFTER, 25);
    const preview = await previewConversationReply({
      actor: staff,
      conversationId: keeps,
      input: { body: 'Yes' },
      now: AFTER,
    });
    expect(preview).toMatchObject({ refusal: null, allowedFrom: QUIET_ENDS });
    expect(preview.holdReason).toMatch(/^It is quiet hours \(21:00–09:00\) in Australia\/Sydney/);
    const kept = await holdReply(keeps, 'We have it in blue, size M too.');
    const dropped = await holdReply(optsOut, 'We have it in blue.');
    expect(await spentToday()).toBe(0);
    const held = (await getConversation({ actor: staff, conversationId: keeps })).thread.find(
      (t) => t.kind === 'reply',
    );
    expect(held).toMatchObject({ state: 'QUEUED', sendAfter: QUIET_ENDS });

    await optOutConversation({ actor: staff, conversationId: optsOut });
    const provider = recordingProvider();
    expect(await sendHeldReplies({ provider, now: minutes(QUIET_ENDS, -1) })).toEqual({
      sent: 0,
      failed: 0,
      stillHeld: 0,
      skipped: 0,
    });
    expect(await sendHeldReplies({ provider, now: minutes(QUIET_ENDS, 1) })).toEqual({
      sent: 1,
      failed: 0,
      stillHeld: 0,
      skipped: 1,
    });
    expect(provider.sent.map((m) => [m.to, m.from, m.body, m.conversationReplyId])).toEqual([
      ['+61412002001', number, 'We have it in blue, size M too.', BigInt(kept)],
    ]);
    expect(await replyRow(kept)).toMatchObject({ state: 'SENDING', heldReason: null });
    expect((await replyRow(kept)).providerMessageId).toMatch(/^SM/);
    const skipped = await replyRow(dropped);
    expect(skipped.state).toBe('SKIPPED');
    expect(skipped.heldReason).toMatch(/^\+61412002002 is on the do-not-contact list/);
    expect(await spentToday()).toBeGreaterThan(0);
    expect(await sendHeldReplies({ provider, now: minutes(QUIET_ENDS, 2) })).toMatchObject({ sent: 0 });
  });

  it('keeps a held reply held while the kill switch is on, and lets staff take one back before it goes, audited', async () => {
    const waits = await conversationWrittenBefore('+61412002101', AFTER, 30);
    const takenBack = await conversationWrittenBefore('+61412002102', AFTER, 30);
    const waiting = await holdReply(waits, 'Call you at 10.');
    const withdrawn = await holdReply(takenBack, 'Sorry, sold out.');

    await cancelHeldReply({ actor: staff, conversationId: takenBack, replyId: withdrawn });
    const again = await refusalMessage(
      cancelHeldReply({ actor: staff, conversationId: takenBack, replyId: withdrawn }),
    );
    expect(again).toBe('That reply is not waiting to be sent any more, so it cannot be taken back.');
    expect(await replyRow(withdrawn)).toMatchObject({
      state: 'SKIPPED',
      heldReason: `Taken back by ${staff.email} before it was sent.`,
    });
    expect(
      await db().auditLog.count({ where: { tenantId, action: 'conversation.reply_cancelled', entityId: takenBack } }),
    ).toBe(1);

    await db().tenantSettings.update({ where: { tenantId }, data: { paused: true, pausedReason: 'Checking costs' } });
    const provider = recordingProvider();
    const at = minutes(QUIET_ENDS, 1);
    expect(await sendHeldReplies({ provider, now: at })).toMatchObject({ sent: 0, stillHeld: 1, skipped: 0 });
    expect(await replyRow(waiting)).toMatchObject({
      state: 'QUEUED',
      heldReason: 'Sending is stopped for the whole workspace: Checking costs, so no reply can go.',
      sendAfter: minutes(at, 5),
    });
    await db().tenantSettings.update({ where: { tenantId }, data: { paused: false } });
    expect(await sendHeldReplies({ provider, now: minutes(at, 5) })).toMatchObject({ sent: 1 });
    expect(provider.sent.map((m) => m.body)).toEqual(['Call you at 10.']);
  });

  it('recovers a reply a crash interrupted: one the provider has is kept and never sent twice, one it never got is sent again and charged once', async () => {
    const now = new Date();
    const crashing: SmsProvider = {
      ...recordingProvider(),
      send: () => Promise.reject(new Error('the server died mid-request')),
    };
    const reached = await conversationWrittenBefore('+61412002201', now, 1);
    const lost = await conversationWrittenBefore('+61412002202', now, 1);
    for (const conversationId of [reached, lost])
      await expect(
        sendConversationReply({
          actor: staff,
          conversationId,
          input: { body: `Answer ${conversationId}` },
          provider: crashing,
          now,
        }),
      ).rejects.toThrow('the server died mid-request');
    const [reachedReply, lostReply] = await Promise.all(
      [reached, lost].map(async (conversationId) =>
        (
          await db().conversationReply.findFirstOrThrow({ where: { conversationId }, select: { id: true } })
        ).id.toString(),
      ),
    );
    const charged = await spentToday();
    expect(charged).toBeGreaterThan(0);

    const finder: SmsProvider & { sent: unknown[] } = {
      ...recordingProvider(),
      findSent: async (query) =>
        query.body === `Answer ${reached}`
          ? { providerMessageId: 'SMfoundattheprovider0000000000001', status: 'sent' }
          : null,
    };
    expect(await recoverInterruptedReplies({ provider: finder, now: minutes(now, 1) })).toEqual({
      found: 0,
      requeued: 0,
    });
    expect(await recoverInterruptedReplies({ provider: finder, now: minutes(now, 3) })).toEqual({
      found: 1,
      requeued: 1,
    });
    expect(await replyRow(reachedReply)).toMatchObject({
      state: 'SENDING',
      providerMessageId: 'SMfoundattheprovider0000000000001',
    });
    expect(await replyRow(lostReply)).toMatchObject({ state: 'QUEUED', heldReason: INTERRUPTED_REPLY_REASON });
    expect(await spentToday()).toBe(charged / 2);

    expect(await sendHeldReplies({ provider: finder, now: minutes(now, 3) })).toMatchObject({ sent: 1 });
    expect(finder.sent).toHaveLength(1);
    expect(await spentToday()).toBe(charged);
    expect(await recoverInterruptedReplies({ provider: finder, now: minutes(now, 10) })).toEqual({
      found: 0,
      requeued: 0,
    });
  });
});
