import 'server-only';
import type { Actor } from '../auth/actor';
import { writeAudit } from '../auth/audit';
import { inTransaction } from '../db/transaction';
import { AppError } from '../errors';
import { configuredSmsProvider } from '../providers/configured-sms-provider';
import type { SmsProvider } from '../providers/sms-provider';
import { describeProviderError } from '../providers/twilio-errors';
import { addUsage, lockedUsageLedger, spendKeys, usageKeyString } from '../sending/usage-ledger';
import { assessReply } from './assess-reply';
import { lockConversation } from './lock-conversation';
import type { ConversationReplyInput } from './reply-schemas';

export interface SendConversationReplyOptions {
  actor: Actor;
  conversationId: string;
  input: ConversationReplyInput;
  provider?: SmsProvider;
  now?: Date;
}

/**
 * Answers the person from the long code they texted, as a one-to-one message: no
 * opt-out footer unless staff typed one. Refused, with the reason, when the kill
 * switch is on, the number is on the DNC list, quiet hours hold it or the budget is
 * spent. The reply is recorded (with who sent it) and its cost counted against the
 * budget before the provider is called, so a crash never sends an uncounted
 * message; a refusal by the provider gives the money back. Its status callbacks
 * name the reply, and move it on as they move a campaign's messages.
 */
export async function sendConversationReply(options: SendConversationReplyOptions) {
  const { actor, conversationId, input } = options;
  const now = options.now ?? new Date();
  const at = now.toISOString();
  const prepared = await inTransaction(async (tx) => {
    await lockConversation(tx, { tenantId: actor.tenantId, conversationId });
    const assessment = await assessReply(tx, { tenantId: actor.tenantId, conversationId, body: input.body, now });
    if (assessment.refusal) throw new AppError('conflict', assessment.refusal);
    const spend = spendKeys(actor.tenantId, now, assessment.timeZone);
    const ledger = lockedUsageLedger(tx);
    const used = await ledger.read([spend.day, spend.month]);
    const over = (cap: number | null, key: typeof spend.day) =>
      cap !== null && (used.get(usageKeyString(key)) ?? 0) + assessment.costMicros > cap;
    if (over(assessment.dailyBudgetMicros, spend.day))
      throw new AppError(
        'conflict',
        "Today's budget is spent, so no reply can go until tomorrow or an admin raises it.",
      );
    if (over(assessment.monthlyBudgetMicros, spend.month))
      throw new AppError('conflict', "This month's budget is spent, so no reply can go until an admin raises it.");
    const charge = [
      { key: spend.day, amount: assessment.costMicros },
      { key: spend.month, amount: assessment.costMicros },
    ];
    await ledger.add(charge);
    const { rows } = await tx.query<{ id: string }>(
      `INSERT INTO conversation_replies ("tenantId", "conversationId", "sentById", body, encoding, parts, "costMicros", state, "createdAt", "updatedAt")
       VALUES ($1::uuid, $2::uuid, $3::uuid, $4, $5, $6, $7, 'SENDING', $8::timestamp, $8::timestamp) RETURNING id::text`,
      [
        actor.tenantId,
        conversationId,
        actor.userId,
        input.body,
        assessment.encoding,
        assessment.parts,
        assessment.costMicros,
        at,
      ],
    );
    await tx.query(
      `UPDATE conversations SET "lastReplyAt" = $3::timestamp, "lastActivityAt" = GREATEST("lastActivityAt", $3::timestamp),
         "lastReadAt" = GREATEST("lastInboundAt", $3::timestamp), "updatedAt" = $3::timestamp
       WHERE "tenantId" = $1::uuid AND id = $2::uuid`,
      [actor.tenantId, conversationId, at],
    );
    await writeAudit(tx, {
      tenantId: actor.tenantId,
      actorUserId: actor.userId,
      action: 'conversation.replied',
      entityType: 'conversation',
      entityId: conversationId,
      details: { replyId: rows[0].id, to: assessment.to, parts: assessment.parts, costMicros: assessment.costMicros },
    });
    return { replyId: BigInt(rows[0].id), assessment, charge };
  });

  const { replyId, assessment, charge } = prepared;
  const provider = options.provider ?? configuredSmsProvider();
  const outcome = await provider.send({
    jobId: 0n,
    conversationReplyId: replyId,
    to: assessment.to,
    from: assessment.from,
    messagingServiceSid: assessment.messagingServiceSid,
    body: input.body,
  });
  if (!outcome.ok) {
    const why = describeProviderError(outcome.code, outcome.message);
    await inTransaction(async (tx) => {
      await tx.query(
        `UPDATE conversation_replies SET state = 'FAILED', "errorCode" = $2, "errorMessage" = $3,
           "finishedAt" = now(), "updatedAt" = now() WHERE id = $1::bigint AND state = 'SENDING'`,
        [replyId.toString(), outcome.code, why],
      );
      await addUsage(
        tx,
        charge.map((c) => ({ ...c, amount: -c.amount })),
      );
    });
    throw new AppError(outcome.kind === 'permanent' ? 'invalid' : 'unavailable', `The reply was not sent: ${why}`);
  }
  await inTransaction(async (tx) => {
    // A status callback may have named the reply first and recorded the id already.
    await tx.query(
      `UPDATE conversation_replies SET "providerMessageId" = $2, "updatedAt" = now()
       WHERE id = $1::bigint AND "providerMessageId" IS NULL`,
      [replyId.toString(), outcome.providerMessageId],
    );
    await tx.query(
      `INSERT INTO spend_ledger ("tenantId", "amountMicros", description) VALUES ($1::uuid, $2::bigint, $3)`,
      [actor.tenantId, assessment.costMicros, `conversation reply ${replyId} (${assessment.parts} part(s))`],
    );
  });
  return { replyId: replyId.toString(), parts: assessment.parts, costMicros: assessment.costMicros };
}
