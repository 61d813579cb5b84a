import type { Actor } from '../auth/actor';
import { writeAudit } from '../auth/audit';
import { deliverMagicLink } from '../auth/magic-link-mailer';
import { db } from '../db/client';
import { publicBaseUrl } from '../env';
import { AppError } from '../errors';
import { assertRateLimit } from '../rate-limit/assert-rate-limit';
import type { InviteUserInput } from './schemas';

/**
 * Adds a person to the actor's tenant with a role, creating their user if this
 * installation has never seen the address, and tells them where to sign in.
 */
export async function inviteUser({ actor, input }: { actor: Actor; input: InviteUserInput }) {
  await assertRateLimit({ policy: 'invite-user', key: actor.tenantId });
  const membership = await db().$transaction(async (tx) => {
    const user = await tx.user.upsert({
      where: { email: input.email },
      create: { email: input.email, name: input.name || null },
      update: {},
      select: { id: true },
    });
    const existing = await tx.membership.findUnique({
      where: { tenantId_userId: { tenantId: actor.tenantId, userId: user.id } },
      select: { id: true },
    });
    if (existing) throw new AppError('conflict', `${input.email} is already a member of this workspace.`);
    const created = await tx.membership.create({
      data: { tenantId: actor.tenantId, userId: user.id, role: input.role, invitedById: actor.userId },
      select: { id: true },
    });
    await writeAudit(tx, {
      tenantId: actor.tenantId,
      actorUserId: actor.userId,
      action: 'user.invited',
      entityType: 'membership',
      entityId: created.id,
      details: { email: input.email, role: input.role },
    });
    return created;
  });
  await deliverMagicLink({
    to: input.email,
    url: `${publicBaseUrl()}/signin?email=${encodeURIComponent(input.email)}`,
    subject: `You have been invited to ${actor.tenantName} on SMS CRM`,
    intro: `${actor.name ?? actor.email} invited you to ${actor.tenantName} as ${input.role.toLowerCase()}. Open this page and ask for a sign-in link.`,
  }).catch((error) => console.error('[invite] e-mail failed', error));
  return membership;
}
