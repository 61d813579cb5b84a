import 'server-only';
import type { Actor } from '../auth/actor';
import { db } from '../db/client';

export interface ListMembersOptions {
  actor: Actor;
}

export async function listMembers({ actor }: ListMembersOptions) {
  const rows = await db().membership.findMany({
    where: { tenantId: actor.tenantId },
    orderBy: { createdAt: 'asc' },
    select: {
      id: true,
      role: true,
      createdAt: true,
      user: { select: { id: true, email: true, name: true, emailVerified: true } },
    },
  });
  return rows.map((m) => ({
    id: m.id,
    role: m.role,
    createdAt: m.createdAt.toISOString(),
    userId: m.user.id,
    email: m.user.email,
    name: m.user.name,
    hasSignedIn: m.user.emailVerified !== null,
  }));
}
export type MemberView = Awaited<ReturnType<typeof listMembers>>[number];
