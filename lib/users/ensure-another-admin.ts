import 'server-only';
import type { Tx } from '../db/transaction';
import { AppError } from '../errors';

export interface EnsureAnotherAdminOptions {
  tenantId: string;
  leavingMembershipId: string;
}

/**
 * A tenant must always keep at least one admin, or nobody could manage it. The
 * admin rows are locked so two admins demoting each other at once cannot both win.
 */
export async function ensureAnotherAdmin(
  tx: Tx,
  { tenantId, leavingMembershipId }: EnsureAnotherAdminOptions,
): Promise<void> {
  const { rows: admins } = await tx.query<{ id: string }>(
    `SELECT id FROM memberships WHERE "tenantId" = $1::uuid AND role = 'ADMIN' ORDER BY id FOR UPDATE`,
    [tenantId],
  );
  if (!admins.some((a) => a.id !== leavingMembershipId)) {
    throw new AppError('conflict', 'A workspace needs at least one admin. Make someone else admin first.');
  }
}
