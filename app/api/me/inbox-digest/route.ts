import { NextResponse } from 'next/server';
import { getInboxDigest } from '@/lib/conversations/get-inbox-digest';
import { InboxDigestSchema } from '@/lib/conversations/inbox-digest-schemas';
import { setInboxDigest } from '@/lib/conversations/set-inbox-digest';
import { readJson, withSession } from '@/app/_http/with-session';

/** Whether the signed-in staff member gets the inbox's e-mail digest. */
export const GET = withSession('STAFF', async (_req, { actor }) =>
  NextResponse.json({ digest: await getInboxDigest({ actor }) }),
);

/** Turns the signed-in staff member's own digest on or off. */
export const PUT = withSession('STAFF', async (req, { actor }) => {
  const input = InboxDigestSchema.parse(await readJson(req));
  return NextResponse.json({ digest: await setInboxDigest({ actor, input }) });
});
