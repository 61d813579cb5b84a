import 'server-only';
import type { Actor } from '../auth/actor';
import { writeAudit } from '../auth/audit';
import { recordMissing } from '../db/errors';
import { inTransaction } from '../db/transaction';
import type { Role } from '../generated/prisma/enums';
import { AppError } from '../errors';
import { ensureAnotherAdmin } from './ensure-another-admin';

export interface ChangeRoleOptions {
  actor: Actor;
  membershipId: string;
  role: Role;
}

export async function changeRole({ actor, membershipId, role }: ChangeRoleOptions) {
  return inTransaction(async (tx) => {
    const {
      rows: [membership],
    } = await tx.query<{ id: string; role: Role }>(
      `SELECT id, role FROM memberships WHERE id = $1::uuid AND "tenantId" = $2::uuid`,
      [membershipId, actor.tenantId],
    );
    if (!membership) throw new AppError('not_found', 'That member does not exist in this workspace.');
    if (membership.role === role) return { id: membership.id, role };
    if (membership.role === 'ADMIN')
      await ensureAnotherAdmin(tx, { tenantId: actor.tenantId, leavingMembershipId: membership.id });
    const { rowCount } = await tx.query(
      `UPDATE memberships SET role = $3::"Role", "updatedAt" = now() WHERE id = $1::uuid AND "tenantId" = $2::uuid`,
      [membership.id, actor.tenantId, role],
    );
    if (!rowCount) throw recordMissing();
    await writeAudit(tx, {
      tenantId: actor.tenantId,
      actorUserId: actor.userId,
      action: 'user.role_changed',
      entityType: 'membership',
      entityId: membership.id,
      details: { from: membership.role, to: role },
    });
    return { id: membership.id, role };
  });
}
