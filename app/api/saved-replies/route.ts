import { NextResponse } from 'next/server';
import { listSavedReplies } from '@/lib/conversations/list-saved-replies';
import { saveSavedReply } from '@/lib/conversations/save-saved-reply';
import { SavedReplySchema } from '@/lib/conversations/saved-reply-schemas';
import { readJson, withSession } from '@/app/_http/with-session';

export const GET = withSession('STAFF', async (_req, { actor }) =>
  NextResponse.json({ savedReplies: await listSavedReplies({ actor }) }),
);

export const POST = withSession('STAFF', async (req, { actor }) => {
  const input = SavedReplySchema.parse(await readJson(req));
  return NextResponse.json({ savedReply: await saveSavedReply({ actor, input }) }, { status: 201 });
});
