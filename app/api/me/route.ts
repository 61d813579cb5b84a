import { NextResponse } from 'next/server';
import { withSession } from '@/app/_http/with-session';

export const GET = withSession('VIEWER', async (_req, { actor }) =>
  NextResponse.json({
    user: { id: actor.userId, email: actor.email, name: actor.name },
    tenant: { id: actor.tenantId, name: actor.tenantName, role: actor.role },
    memberships: actor.memberships,
  }),
);
