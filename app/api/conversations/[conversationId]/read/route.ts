import { markConversationRead } from '@/lib/conversations/mark-conversation-read';
import { withSession } from '@/app/_http/with-session';

/** Staff opened the conversation and read it. */
export const POST = withSession<{ conversationId: string }>('STAFF', async (_req, { actor, params }) => {
  await markConversationRead({ actor, conversationId: params.conversationId });
  return new Response(null, { status: 204 });
});
