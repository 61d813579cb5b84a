import { NextResponse } from 'next/server';
import { deleteSavedReply } from '@/lib/conversations/delete-saved-reply';
import { saveSavedReply } from '@/lib/conversations/save-saved-reply';
import { SavedReplySchema } from '@/lib/conversations/saved-reply-schemas';
import { readJson, withSession } from '@/app/_http/with-session';

type Params = { savedReplyId: string };

export const PATCH = withSession<Params>('STAFF', async (req, { actor, params }) => {
  const input = SavedReplySchema.parse(await readJson(req));
  return NextResponse.json({ savedReply: await saveSavedReply({ actor, savedReplyId: params.savedReplyId, input }) });
});

export const DELETE = withSession<Params>('STAFF', async (_req, { actor, params }) => {
  await deleteSavedReply({ actor, savedReplyId: params.savedReplyId });
  return new Response(null, { status: 204 });
});
