import 'server-only';
import type { Actor } from '../auth/actor';
import { writeAudit } from '../auth/audit';
import { optOutNumber } from '../contacts/opt-out';
import { inTransaction } from '../db/transaction';
import { lockConversation } from './lock-conversation';

export interface OptOutConversationOptions {
  actor: Actor;
  conversationId: string;
  now?: Date;
}

/**
 * The one-click answer to a possible opt-out: the number goes on the DNC list with
 * the person's own words as the reason, its waiting jobs are skipped, the flag is
 * settled and the conversation read — with the audit row, in one transaction.
 */
export async function optOutConversation({ actor, conversationId, now = new Date() }: OptOutConversationOptions) {
  return inTransaction(async (tx) => {
    const conversation = await lockConversation(tx, { tenantId: actor.tenantId, conversationId });
    const { rows } = await tx.query<{ body: string }>(
      `SELECT body FROM inbound_messages WHERE "tenantId" = $1::uuid AND "conversationId" = $2::uuid
       ORDER BY "possibleOptOut" DESC, "receivedAt" DESC LIMIT 1`,
      [actor.tenantId, conversationId],
    );
    const words = (rows[0]?.body ?? '').trim().replace(/\s+/g, ' ');
    const reason = `Replied "${words.length > 120 ? `${words.slice(0, 119)}…` : words}"; opted out from the inbox by ${actor.email}`;
    const { contactId, skippedJobs } = await optOutNumber(tx, {
      tenantId: actor.tenantId,
      phoneE164: conversation.remoteE164,
      source: 'STOP_REPLY',
      reason,
      actorUserId: actor.userId,
    });
    const at = now.toISOString();
    await tx.query(
      `UPDATE conversations SET "possibleOptOutResolvedAt" = $3::timestamp,
         "lastReadAt" = GREATEST("lastInboundAt", $3::timestamp), "updatedAt" = $3::timestamp
       WHERE "tenantId" = $1::uuid AND id = $2::uuid`,
      [actor.tenantId, conversationId, at],
    );
    await writeAudit(tx, {
      tenantId: actor.tenantId,
      actorUserId: actor.userId,
      action: 'conversation.opted_out',
      entityType: 'conversation',
      entityId: conversationId,
      details: { number: conversation.remoteE164, contactId, skippedJobs, reason },
    });
    return { optedOut: true, contactId, skippedJobs };
  });
}
