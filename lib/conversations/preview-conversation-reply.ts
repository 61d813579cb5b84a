import 'server-only';
import type { Actor } from '../auth/actor';
import { pgPool } from '../db/pg-pool';
import { assessReply } from './assess-reply';
import type { ConversationReplyInput } from './reply-schemas';

export interface PreviewConversationReplyOptions {
  actor: Actor;
  conversationId: string;
  input: ConversationReplyInput;
  now?: Date;
}

/** What a reply would cost and whether it may go now, later (quiet hours) or not at all, shown before staff send it. */
export async function previewConversationReply({
  actor,
  conversationId,
  input,
  now = new Date(),
}: PreviewConversationReplyOptions) {
  const assessment = await assessReply(pgPool(), { tenantId: actor.tenantId, conversationId, body: input.body, now });
  return {
    encoding: assessment.encoding,
    parts: assessment.parts,
    costMicros: assessment.costMicros,
    from: assessment.from,
    refusal: assessment.refusal,
    holdReason: assessment.holdReason,
    allowedFrom: assessment.allowedFrom,
  };
}
