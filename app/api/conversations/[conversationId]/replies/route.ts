import { NextResponse } from 'next/server';
import { ConversationReplySchema } from '@/lib/conversations/reply-schemas';
import { sendConversationReply } from '@/lib/conversations/send-conversation-reply';
import { readJson, withSession } from '@/app/_http/with-session';

/** A staff reply from the conversation's long code. */
export const POST = withSession<{ conversationId: string }>('STAFF', async (req, { actor, params }) => {
  const input = ConversationReplySchema.parse(await readJson(req));
  const reply = await sendConversationReply({ actor, conversationId: params.conversationId, input });
  return NextResponse.json({ reply }, { status: 201 });
});
