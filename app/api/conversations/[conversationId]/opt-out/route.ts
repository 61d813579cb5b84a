import { NextResponse } from 'next/server';
import { optOutConversation } from '@/lib/conversations/opt-out-conversation';
import { withSession } from '@/app/_http/with-session';

/** One click: the number goes on the DNC list with the person's reply as the reason. */
export const POST = withSession<{ conversationId: string }>('STAFF', async (_req, { actor, params }) =>
  NextResponse.json(await optOutConversation({ actor, conversationId: params.conversationId })),
);
