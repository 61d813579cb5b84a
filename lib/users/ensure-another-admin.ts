import type { Prisma } from '../generated/prisma/client';
import { AppError } from '../errors';

/**
 * A tenant must always keep at least one admin, or nobody could manage it. The
 * admin rows are locked so two admins demoting each other at once cannot both win.
 */
export async function ensureAnotherAdmin(
  tx: Prisma.TransactionClient,
  tenantId: string,
  leavingMembershipId: string,
): Promise<void> {
  const admins = await tx.$queryRaw<{ id: string }[]>`
    SELECT id FROM memberships WHERE "tenantId" = ${tenantId}::uuid AND role = 'ADMIN' ORDER BY id FOR UPDATE`;
  if (!admins.some((a) => a.id !== leavingMembershipId)) {
    throw new AppError('conflict', 'A workspace needs at least one admin. Make someone else admin first.');
  }
}
