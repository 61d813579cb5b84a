import 'server-only';
import type { Tx } from '../db/transaction';
import { AppError } from '../errors';
import { CONVERSATION_NOT_FOUND, ConversationIdSchema } from './conversation-query';

export interface LockedConversation {
  id: string;
  numberValue: string;
  remoteE164: string;
  lastInboundId: string;
  lastInboundAt: Date;
  assignedToId: string | null;
  doneAt: Date | null;
}

export interface LockConversationOptions {
  tenantId: string;
  conversationId: string;
}

/** The tenant's conversation, locked until the caller's transaction ends; not found for another tenant's. */
export async function lockConversation(tx: Tx, { tenantId, conversationId }: LockConversationOptions) {
  if (!ConversationIdSchema.safeParse(conversationId).success) throw new AppError('not_found', CONVERSATION_NOT_FOUND);
  const { rows } = await tx.query<LockedConversation>(
    `SELECT id, "numberValue", "remoteE164", "lastInboundId"::text, "lastInboundAt", "assignedToId", "doneAt"
     FROM conversations WHERE "tenantId" = $1::uuid AND id = $2::uuid FOR UPDATE`,
    [tenantId, conversationId],
  );
  if (!rows[0]) throw new AppError('not_found', CONVERSATION_NOT_FOUND);
  return rows[0];
}
