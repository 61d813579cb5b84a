import { NextResponse } from 'next/server';
import { ConversationQuerySchema } from '@/lib/conversations/conversation-query';
import { listConversations } from '@/lib/conversations/list-conversations';
import { withSession } from '@/app/_http/with-session';

/** The inbox; a viewer gets it without message bodies. */
export const GET = withSession('VIEWER', async (req, { actor }) => {
  const query = ConversationQuerySchema.parse(Object.fromEntries(new URL(req.url).searchParams));
  return NextResponse.json(await listConversations({ actor, query }));
});
