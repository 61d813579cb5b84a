import 'server-only';
import type { Actor } from '../auth/actor';
import { writeAudit } from '../auth/audit';
import { recordMissing } from '../db/errors';
import { inTransaction } from '../db/transaction';
import type { Role } from '../generated/prisma/enums';
import { AppError } from '../errors';
import { ensureAnotherAdmin } from './ensure-another-admin';

export interface RemoveMemberOptions {
  actor: Actor;
  membershipId: string;
}

/** Removes a person from the tenant and ends their sessions there at once. */
export async function removeMember({ actor, membershipId }: RemoveMemberOptions) {
  await inTransaction(async (tx) => {
    const {
      rows: [membership],
    } = await tx.query<{ id: string; role: Role; userId: string; email: string }>(
      `SELECT m.id, m.role, m."userId", u.email
       FROM memberships m JOIN users u ON u.id = m."userId"
       WHERE m.id = $1::uuid AND m."tenantId" = $2::uuid`,
      [membershipId, actor.tenantId],
    );
    if (!membership) throw new AppError('not_found', 'That member does not exist in this workspace.');
    if (membership.role === 'ADMIN')
      await ensureAnotherAdmin(tx, { tenantId: actor.tenantId, leavingMembershipId: membership.id });
    const { rowCount } = await tx.query(`DELETE FROM memberships WHERE id = $1::uuid AND "tenantId" = $2::uuid`, [
      membership.id,
      actor.tenantId,
    ]);
    if (!rowCount) throw recordMissing();
    // Sessions belong to the user, not the tenant: they end only when no membership is left.
    await tx.query(
      `DELETE FROM sessions WHERE "userId" = $1::uuid AND NOT EXISTS (SELECT 1 FROM memberships WHERE "userId" = $1::uuid)`,
      [membership.userId],
    );
    await writeAudit(tx, {
      tenantId: actor.tenantId,
      actorUserId: actor.userId,
      action: 'user.removed',
      entityType: 'membership',
      entityId: membership.id,
      details: { email: membership.email, role: membership.role },
    });
  });
}
