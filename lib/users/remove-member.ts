import type { Actor } from '../auth/actor';
import { writeAudit } from '../auth/audit';
import { db } from '../db/client';
import { AppError } from '../errors';
import { ensureAnotherAdmin } from './ensure-another-admin';

/** Removes a person from the tenant and ends their sessions there at once. */
export async function removeMember({ actor, membershipId }: { actor: Actor; membershipId: string }) {
  await db().$transaction(async (tx) => {
    const membership = await tx.membership.findFirst({
      where: { id: membershipId, tenantId: actor.tenantId },
      select: { id: true, role: true, userId: true, user: { select: { email: true } } },
    });
    if (!membership) throw new AppError('not_found', 'That member does not exist in this workspace.');
    if (membership.role === 'ADMIN') await ensureAnotherAdmin(tx, actor.tenantId, membership.id);
    await tx.membership.delete({ where: { id: membership.id } });
    const remaining = await tx.membership.count({ where: { userId: membership.userId } });
    if (remaining === 0) await tx.session.deleteMany({ where: { userId: membership.userId } });
    await writeAudit(tx, {
      tenantId: actor.tenantId,
      actorUserId: actor.userId,
      action: 'user.removed',
      entityType: 'membership',
      entityId: membership.id,
      details: { email: membership.user.email, role: membership.role },
    });
  });
}
