import 'server-only';
import type { Actor } from '../auth/actor';
import { writeAudit } from '../auth/audit';
import { deliverMagicLink } from '../auth/magic-link-mailer';
import { inTransaction, type Tx } from '../db/transaction';
import { publicBaseUrl } from '../env';
import { AppError } from '../errors';
import { assertRateLimit } from '../rate-limit/assert-rate-limit';
import type { InviteUserInput } from './schemas';

export interface InviteUserOptions {
  actor: Actor;
  input: InviteUserInput;
}

/**
 * Adds a person to the actor's tenant with a role, creating their user if this
 * installation has never seen the address, and tells them where to sign in.
 */
export async function inviteUser({ actor, input }: InviteUserOptions) {
  await assertRateLimit({ policy: 'invite-user', key: actor.tenantId });
  const membership = await inTransaction(async (tx) => {
    const user = await findOrCreateUser(tx, input);
    const { rows: existing } = await tx.query(
      `SELECT id FROM memberships WHERE "tenantId" = $1::uuid AND "userId" = $2::uuid`,
      [actor.tenantId, user.id],
    );
    if (existing.length) throw new AppError('conflict', `${input.email} is already a member of this workspace.`);
    const {
      rows: [created],
    } = await tx.query<{ id: string }>(
      `INSERT INTO memberships ("tenantId", "userId", role, "invitedById")
       VALUES ($1::uuid, $2::uuid, $3::"Role", $4::uuid) RETURNING id`,
      [actor.tenantId, user.id, input.role, actor.userId],
    );
    await writeAudit(tx, {
      tenantId: actor.tenantId,
      actorUserId: actor.userId,
      action: 'user.invited',
      entityType: 'membership',
      entityId: created.id,
      details: { email: input.email, role: input.role },
    });
    return { id: created.id };
  });
  await deliverMagicLink({
    to: input.email,
    url: `${publicBaseUrl()}/signin?email=${encodeURIComponent(input.email)}`,
    subject: `You have been invited to ${actor.tenantName} on SMS CRM`,
    intro: `${actor.name ?? actor.email} invited you to ${actor.tenantName} as ${input.role.toLowerCase()}. Open this page and ask for a sign-in link.`,
    // The page does not expire; the sign-in link asked for there does, and says so.
    expiry: null,
  }).catch((error) => console.error('[invite] e-mail failed', error));
  return membership;
}

/** The installation's user with this address, created (with the name given) if it has none yet. */
async function findOrCreateUser(tx: Tx, input: InviteUserInput): Promise<{ id: string }> {
  const { rows: inserted } = await tx.query<{ id: string }>(
    `INSERT INTO users (email, name) VALUES ($1, $2) ON CONFLICT (email) DO NOTHING RETURNING id`,
    [input.email, input.name || null],
  );
  if (inserted[0]) return inserted[0];
  const { rows } = await tx.query<{ id: string }>(`SELECT id FROM users WHERE email = $1`, [input.email]);
  return rows[0];
}
