import 'server-only';
import type { Actor } from '../auth/actor';
import { writeAudit } from '../auth/audit';
import { inTransaction } from '../db/transaction';
import { AppError } from '../errors';
import { configuredSmsProvider } from '../providers/configured-sms-provider';
import type { SmsProvider } from '../providers/sms-provider';
import { assessReply } from './assess-reply';
import { chargeReply } from './charge-reply';
import { handOverReply } from './hand-over-reply';
import { lockConversation } from './lock-conversation';
import type { ConversationReplyInput } from './reply-schemas';

export interface SendConversationReplyOptions {
  actor: Actor;
  conversationId: string;
  input: ConversationReplyInput;
  provider?: SmsProvider;
  now?: Date;
}

export type SentConversationReply =
  | { replyId: string; held: false; parts: number; costMicros: number }
  | { replyId: string; held: true; sendAfter: Date; reason: string; parts: number; costMicros: number };

/**
 * Answers the person from the long code they texted, as a one-to-one message: no
 * opt-out footer unless staff typed one. Refused, with the reason, when the kill
 * switch is on, the number is on the DNC list or the budget is spent; held until
 * they end when quiet hours apply (the person last wrote over 24 hours ago), and
 * then sent by the conversations' cron. The reply is recorded (with who sent it)
 * and its cost counted against the budget before the provider is called, so a
 * crash never sends an uncounted message; a refusal by the provider gives the
 * money back.
 */
export async function sendConversationReply(options: SendConversationReplyOptions): Promise<SentConversationReply> {
  const { actor, conversationId, input } = options;
  const now = options.now ?? new Date();
  const at = now.toISOString();
  const prepared = await inTransaction(async (tx) => {
    await lockConversation(tx, { tenantId: actor.tenantId, conversationId });
    const assessment = await assessReply(tx, { tenantId: actor.tenantId, conversationId, body: input.body, now });
    if (assessment.refusal) throw new AppError('conflict', assessment.refusal);
    const held = assessment.holdReason && assessment.allowedFrom ? assessment.allowedFrom : null;
    const charged = held ? null : await chargeReply(tx, { tenantId: actor.tenantId, assessment, now });
    if (charged && !charged.ok) throw new AppError('conflict', charged.reason);
    const { rows } = await tx.query<{ id: string }>(
      `INSERT INTO conversation_replies ("tenantId", "conversationId", "sentById", body, encoding, parts, "costMicros", state,
         "sendAfter", "heldReason", "createdAt", "updatedAt")
       VALUES ($1::uuid, $2::uuid, $3::uuid, $4, $5, $6, $7, $8::"SendJobState", $9::timestamp, $10, $11::timestamp, $11::timestamp)
       RETURNING id::text`,
      [
        actor.tenantId,
        conversationId,
        actor.userId,
        input.body,
        assessment.encoding,
        assessment.parts,
        assessment.costMicros,
        held ? 'QUEUED' : 'SENDING',
        held?.toISOString() ?? null,
        held ? assessment.holdReason : null,
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
      action: held ? 'conversation.reply_held' : 'conversation.replied',
      entityType: 'conversation',
      entityId: conversationId,
      details: {
        replyId: rows[0].id,
        to: assessment.to,
        parts: assessment.parts,
        costMicros: assessment.costMicros,
        ...(held ? { sendAfter: held.toISOString() } : {}),
      },
    });
    return { replyId: BigInt(rows[0].id), assessment, charge: charged?.ok ? charged.charge : null, held };
  });

  const { replyId, assessment, charge, held } = prepared;
  const common = { replyId: replyId.toString(), parts: assessment.parts, costMicros: assessment.costMicros };
  if (held) return { ...common, held: true, sendAfter: held, reason: assessment.holdReason! };
  const outcome = await handOverReply({
    tenantId: actor.tenantId,
    replyId,
    body: input.body,
    assessment,
    charge: charge!,
    provider: options.provider ?? configuredSmsProvider(),
  });
  if (!outcome.ok)
    throw new AppError(
      outcome.kind === 'permanent' ? 'invalid' : 'unavailable',
      `The reply was not sent: ${outcome.why}`,
    );
  return { ...common, held: false };
}
