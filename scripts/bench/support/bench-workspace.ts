import type { Actor } from '../../../lib/auth/actor';
import type { Role } from '../../../lib/generated/prisma/enums';
import { db } from '../../../lib/db/client';

/** A workspace for a benchmark and a member of it with the given role, as the domain functions take them. */
export async function benchWorkspace(slug: string, role: Role): Promise<Actor> {
  const tenant = await db().tenant.create({ data: { slug, name: 'Bench', settings: { create: {} } } });
  const user = await db().user.create({ data: { email: `${slug}@example.com` } });
  await db().membership.create({ data: { tenantId: tenant.id, userId: user.id, role } });
  return {
    userId: user.id,
    email: user.email,
    name: null,
    tenantId: tenant.id,
    tenantName: 'Bench',
    role,
    memberships: [],
  };
}
