import 'server-only';
import { inTransaction } from '../db/transaction';
import type { SmsProvider } from '../providers/sms-provider';
import { SENDING_STALE_AFTER_MS } from '../sending/drain/recover-interrupted-sends';
import { addUsage, spendKeys } from '../sending/usage-ledger';
import { TENANT_DEFAULTS } from '../tenants/tenant-defaults';

export const INTERRUPTED_REPLY_REASON =
  'Sending was interrupted before the provider had the reply, so it is sent again.';

export interface RecoverInterruptedRepliesOptions {
  provider: SmsProvider;
  now?: Date;
  limit?: number;
}

/**
 * Replies left SENDING with no provider id long after any answer could come:
 * the server died between recording the reply and hearing back from the
 * provider. Each is looked up there: a message the provider holds is recorded
 * (and never sent twice); one it never got goes back to be sent by the held
 * replies' run, its charge given back so it is counted once. A provider that
 * cannot be asked leaves the reply for the next run.
 */
export async function recoverInterruptedReplies(
  options: RecoverInterruptedRepliesOptions,
): Promise<{ found: number; requeued: number }> {
  const now = options.now ?? new Date();
  const cutoff = new Date(now.getTime() - SENDING_STALE_AFTER_MS);
  return inTransaction(async (tx) => {
    const { rows } = await tx.query<{
      id: string;
      tenantId: string;
      body: string;
      parts: number;
      costMicros: number;
      chargedAt: Date;
      to: string;
      from: string;
      timeZone: string | null;
    }>(
      `SELECT r.id::text, r."tenantId", r.body, r.parts, r."costMicros", r."updatedAt" AS "chargedAt",
         c."remoteE164" AS "to", c."numberValue" AS "from", s."timeZone"
       FROM conversation_replies r
       JOIN conversations c ON c.id = r."conversationId" AND c."tenantId" = r."tenantId"
       LEFT JOIN tenant_settings s ON s."tenantId" = r."tenantId"
       WHERE r.state = 'SENDING' AND r."providerMessageId" IS NULL AND r."updatedAt" < $1::timestamp
       ORDER BY r."updatedAt" LIMIT $2
       FOR UPDATE OF r SKIP LOCKED`,
      [cutoff.toISOString(), options.limit ?? 20],
    );
    let found = 0;
    let requeued = 0;
    for (const reply of rows) {
      const held = await options.provider
        .findSent({ jobId: 0n, to: reply.to, from: reply.from, body: reply.body, createdAfter: reply.chargedAt })
        .then(
          (message) => ({ asked: true as const, message }),
          () => ({ asked: false as const, message: null }),
        );
      if (!held.asked) continue;
      if (held.message) {
        found++;
        await tx.query(
          `UPDATE conversation_replies SET "providerMessageId" = $2, "updatedAt" = $3::timestamp WHERE id = $1::bigint`,
          [reply.id, held.message.providerMessageId, now.toISOString()],
        );
        await tx.query(
          `INSERT INTO spend_ledger ("tenantId", "amountMicros", description) VALUES ($1::uuid, $2::bigint, $3)`,
          [reply.tenantId, reply.costMicros, `conversation reply ${reply.id} (${reply.parts} part(s))`],
        );
        continue;
      }
      requeued++;
      const spend = spendKeys(reply.tenantId, reply.chargedAt, reply.timeZone ?? TENANT_DEFAULTS.timeZone);
      await addUsage(tx, [
        { key: spend.day, amount: -reply.costMicros },
        { key: spend.month, amount: -reply.costMicros },
      ]);
      await tx.query(
        `UPDATE conversation_replies SET state = 'QUEUED', "sendAfter" = $2::timestamp, "heldReason" = $3, "updatedAt" = $2::timestamp
         WHERE id = $1::bigint`,
        [reply.id, now.toISOString(), INTERRUPTED_REPLY_REASON],
      );
    }
    return { found, requeued };
  });
}
