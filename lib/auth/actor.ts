import 'server-only';
import { db } from '../db/client';
import type { Role } from '../generated/prisma/enums';

/** Who is calling, and as which tenant: the argument every domain function takes. */
export interface Actor {
  userId: string;
  email: string;
  name: string | null;
  tenantId: string;
  tenantName: string;
  role: Role;
  memberships: { tenantId: string; tenantName: string; role: Role }[];
}

/**
 * Resolves a next-auth database session to an actor. The active tenant is the
 * preferred one when the user belongs to it, else their oldest membership; a user
 * with no membership has no actor (they cannot use the app).
 */
export async function resolveActor(
  sessionToken: string | undefined,
  preferredTenantId?: string,
): Promise<Actor | null> {
  if (!sessionToken) return null;
  const session = await db().session.findUnique({
    where: { sessionToken },
    select: {
      expires: true,
      user: {
        select: {
          id: true,
          email: true,
          name: true,
          memberships: {
            orderBy: { createdAt: 'asc' },
            select: { tenantId: true, role: true, tenant: { select: { name: true } } },
          },
        },
      },
    },
  });
  if (!session || session.expires <= new Date()) return null;
  const memberships = session.user.memberships.map((m) => ({
    tenantId: m.tenantId,
    tenantName: m.tenant.name,
    role: m.role,
  }));
  const active = memberships.find((m) => m.tenantId === preferredTenantId) ?? memberships[0];
  if (!active) return null;
  return {
    userId: session.user.id,
    email: session.user.email,
    name: session.user.name,
    tenantId: active.tenantId,
    tenantName: active.tenantName,
    role: active.role,
    memberships,
  };
}
