import { NextResponse } from 'next/server';
import { changeRole } from '@/lib/users/change-role';
import { removeMember } from '@/lib/users/remove-member';
import { ChangeRoleSchema, MembershipIdSchema } from '@/lib/users/schemas';
import { readJson, withSession } from '@/app/_http/with-session';

type Params = { membershipId: string };

export const PATCH = withSession<Params>('ADMIN', async (req, { actor, params }) => {
  const membershipId = MembershipIdSchema.parse(params.membershipId);
  const { role } = ChangeRoleSchema.parse(await readJson(req));
  return NextResponse.json({ membership: await changeRole({ actor, membershipId, role }) });
});

export const DELETE = withSession<Params>('ADMIN', async (_req, { actor, params }) => {
  await removeMember({ actor, membershipId: MembershipIdSchema.parse(params.membershipId) });
  return new NextResponse(null, { status: 204 });
});
