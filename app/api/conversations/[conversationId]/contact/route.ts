import { NextResponse } from 'next/server';
import {
  CreateConversationContactSchema,
  createConversationContact,
} from '@/lib/conversations/create-conversation-contact';
import { readJson, withSession } from '@/app/_http/with-session';

/** Makes a contact of a number that wrote in. */
export const POST = withSession<{ conversationId: string }>('STAFF', async (req, { actor, params }) => {
  const input = CreateConversationContactSchema.parse(await readJson(req));
  const result = await createConversationContact({ actor, conversationId: params.conversationId, input });
  return NextResponse.json(result, { status: result.created ? 201 : 200 });
});
