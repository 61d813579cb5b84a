import { NextResponse } from 'next/server';
import { inviteUser } from '@/lib/users/invite-user';
import { listMembers } from '@/lib/users/list-members';
import { InviteUserSchema } from '@/lib/users/schemas';
import { readJson, withSession } from '@/app/_http/with-session';

export const GET = withSession('ADMIN', async (_req, { actor }) =>
  NextResponse.json({ members: await listMembers({ actor }) }),
);

export const POST = withSession('ADMIN', async (req, { actor }) => {
  const input = InviteUserSchema.parse(await readJson(req));
  const membership = await inviteUser({ actor, input });
  return NextResponse.json({ membership }, { status: 201 });
});
