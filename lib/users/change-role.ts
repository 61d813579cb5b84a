import type { Actor } from '../auth/actor';
import { writeAudit } from '../auth/audit';
import { db } from '../db/client';
import type { Role } from '../generated/prisma/enums';
import { AppError } from '../errors';
import { ensureAnotherAdmin } from './ensure-another-admin';

export async function changeRole({ actor, membershipId, role }: { actor: Actor; membershipId: string; role: Role }) {
  return db().$transaction(async (tx) => {
    const membership = await tx.membership.findFirst({
      where: { id: membershipId, tenantId: actor.tenantId },
      select: { id: true, role: true },
    });
    if (!membership) throw new AppError('not_found', 'That member does not exist in this workspace.');
    if (membership.role === role) return { id: membership.id, role };
    if (membership.role === 'ADMIN') await ensureAnotherAdmin(tx, actor.tenantId, membership.id);
    await tx.membership.update({ where: { id: membership.id }, data: { role } });
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
