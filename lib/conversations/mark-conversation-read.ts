import 'server-only';
import type { Actor } from '../auth/actor';
import { inTransaction } from '../db/transaction';
import { lockConversation } from './lock-conversation';

export interface MarkConversationReadOptions {
  actor: Actor;
  conversationId: string;
  now?: Date;
}

/** Staff opened the conversation: what the person wrote until now is read. */
export async function markConversationRead({ actor, conversationId, now = new Date() }: MarkConversationReadOptions) {
  await inTransaction(async (tx) => {
    await lockConversation(tx, { tenantId: actor.tenantId, conversationId });
    await tx.query(
      `UPDATE conversations SET "lastReadAt" = GREATEST("lastInboundAt", $3::timestamp), "updatedAt" = $3::timestamp
       WHERE "tenantId" = $1::uuid AND id = $2::uuid`,
      [actor.tenantId, conversationId, now.toISOString()],
    );
  });
}
