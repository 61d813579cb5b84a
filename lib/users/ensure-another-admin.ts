import type { Prisma } from '../generated/prisma/client';
import { AppError } from '../errors';

/** A tenant must always keep at least one admin, or nobody could manage it. */
export async function ensureAnotherAdmin(tx: Prisma.TransactionClient, tenantId: string, leavingMembershipId: string): Promise<void> {
  const others = await tx.membership.count({ where: { tenantId, role: 'ADMIN', id: { not: leavingMembershipId } } });
  if (others === 0) throw new AppError('conflict', 'A workspace needs at least one admin. Make someone else admin first.');
}
