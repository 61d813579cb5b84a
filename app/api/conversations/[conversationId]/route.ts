import { NextResponse } from 'next/server';
import { getConversation } from '@/lib/conversations/get-conversation';
import { UpdateConversationSchema, updateConversation } from '@/lib/conversations/update-conversation';
import { readJson, withSession } from '@/app/_http/with-session';

type Params = { conversationId: string };

/** A conversation and its thread; a viewer gets it without message bodies. */
export const GET = withSession<Params>('VIEWER', async (_req, { actor, params }) =>
  NextResponse.json({ conversation: await getConversation({ actor, conversationId: params.conversationId }) }),
);

/** Assign it, mark it done or open it again; audited. */
export const PATCH = withSession<Params>('STAFF', async (req, { actor, params }) => {
  const input = UpdateConversationSchema.parse(await readJson(req));
  return NextResponse.json(await updateConversation({ actor, conversationId: params.conversationId, input }));
});
