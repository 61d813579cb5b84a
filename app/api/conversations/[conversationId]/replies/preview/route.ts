import { NextResponse } from 'next/server';
import { previewConversationReply } from '@/lib/conversations/preview-conversation-reply';
import { ConversationReplySchema } from '@/lib/conversations/reply-schemas';
import { readJson, withSession } from '@/app/_http/with-session';

/** A reply's parts and cost, and whether it may go now, before it is sent. Writes nothing. */
export const POST = withSession<{ conversationId: string }>('STAFF', async (req, { actor, params }) => {
  const input = ConversationReplySchema.parse(await readJson(req));
  return NextResponse.json({
    preview: await previewConversationReply({ actor, conversationId: params.conversationId, input }),
  });
});
