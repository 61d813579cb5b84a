import 'server-only';
import { z } from 'zod';
import type { Actor } from '../auth/actor';
import { writeAudit } from '../auth/audit';
import { inTransaction } from '../db/transaction';
import { AppError } from '../errors';
import { lockConversation } from './lock-conversation';

export const ReplyIdSchema = z.string().regex(/^\d{1,18}$/);

export interface CancelHeldReplyOptions {
  actor: Actor;
  conversationId: string;
  replyId: string;
}

/** Takes back a reply quiet hours (or the kill switch) still hold, before it goes; audited. */
export async function cancelHeldReply({ actor, conversationId, replyId }: CancelHeldReplyOptions) {
  const notHeld = 'That reply is not waiting to be sent any more, so it cannot be taken back.';
  if (!ReplyIdSchema.safeParse(replyId).success) throw new AppError('not_found', notHeld);
  return inTransaction(async (tx) => {
    await lockConversation(tx, { tenantId: actor.tenantId, conversationId });
    const { rowCount } = await tx.query(
      `UPDATE conversation_replies SET state = 'SKIPPED', "heldReason" = $4, "finishedAt" = now(), "updatedAt" = now()
       WHERE "tenantId" = $1::uuid AND "conversationId" = $2::uuid AND id = $3::bigint AND state = 'QUEUED'`,
      [actor.tenantId, conversationId, replyId, `Taken back by ${actor.email} before it was sent.`],
    );
    if (!rowCount) throw new AppError('conflict', notHeld);
    await writeAudit(tx, {
      tenantId: actor.tenantId,
      actorUserId: actor.userId,
      action: 'conversation.reply_cancelled',
      entityType: 'conversation',
      entityId: conversationId,
      details: { replyId },
    });
    return { replyId, cancelled: true };
  });
}
