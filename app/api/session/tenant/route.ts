import { NextResponse } from 'next/server';
import { z } from 'zod';
import { TENANT_COOKIE } from '@/lib/auth/session-cookie';
import { AppError } from '@/lib/errors';
import { TenantIdSchema } from '@/lib/tenants/schemas';
import { readJson, withSession } from '@/app/_http/with-session';

const SwitchTenantSchema = z.object({ tenantId: TenantIdSchema });

/** Chooses which of the caller's workspaces later requests act in. */
export const POST = withSession('VIEWER', async (req, { actor }) => {
  const { tenantId } = SwitchTenantSchema.parse(await readJson(req));
  if (!actor.memberships.some((m) => m.tenantId === tenantId))
    throw new AppError('not_found', 'You are not a member of that workspace.');
  const res = NextResponse.json({ tenantId });
  res.cookies.set(TENANT_COOKIE, tenantId, {
    httpOnly: true,
    sameSite: 'lax',
    path: '/',
    secure: req.url.startsWith('https://'),
  });
  return res;
});
