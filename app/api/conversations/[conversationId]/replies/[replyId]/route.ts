import { NextResponse } from 'next/server';
import { cancelHeldReply } from '@/lib/conversations/cancel-held-reply';
import { withSession } from '@/app/_http/with-session';

/** Takes back a held reply before it goes. */
export const DELETE = withSession<{ conversationId: string; replyId: string }>(
  'STAFF',
  async (_req, { actor, params }) =>
    NextResponse.json(await cancelHeldReply({ actor, conversationId: params.conversationId, replyId: params.replyId })),
);
