import 'server-only';
import type { Actor } from '../auth/actor';
import { writeAudit } from '../auth/audit';
import { inTransaction } from '../db/transaction';
import { getInboxDigest } from './get-inbox-digest';
import type { InboxDigestInput, InboxDigestSetting } from './inbox-digest-schemas';

export interface SetInboxDigestOptions {
  actor: Actor;
  input: InboxDigestInput;
}

/**
 * Turns the member's own inbox digest on or off, audited. Turning it on starts
 * from the replies of the last digest period, so the first mail can come at once.
 */
export async function setInboxDigest({ actor, input }: SetInboxDigestOptions): Promise<InboxDigestSetting> {
  await inTransaction(async (tx) => {
    const { rowCount } = await tx.query(
      `UPDATE memberships SET "inboxDigest" = $3, "inboxDigestSentAt" = NULL, "updatedAt" = now()
       WHERE "tenantId" = $1::uuid AND "userId" = $2::uuid AND "inboxDigest" <> $3`,
      [actor.tenantId, actor.userId, input.enabled],
    );
    if (!rowCount) return;
    await writeAudit(tx, {
      tenantId: actor.tenantId,
      actorUserId: actor.userId,
      action: 'member.inbox_digest_changed',
      entityType: 'user',
      entityId: actor.userId,
      details: { enabled: input.enabled },
    });
  });
  return getInboxDigest({ actor });
}
