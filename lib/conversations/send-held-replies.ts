import 'server-only';
import { inTransaction } from '../db/transaction';
import type { SmsProvider } from '../providers/sms-provider';
import { assessReply } from './assess-reply';
import type { ReplyAssessment } from './assess-reply';
import type { ReplyCharge } from './charge-reply';
import { chargeReply } from './charge-reply';
import { handOverReply } from './hand-over-reply';
import { lockConversation } from './lock-conversation';

/** A held reply that still may not go (kill switch, budget) is looked at again after this long. */
export const HELD_REPLY_RETRY_MS = 5 * 60_000;

export interface SendHeldRepliesOptions {
  provider: SmsProvider;
  now?: Date;
  limit?: number;
}

export interface HeldRepliesReport {
  sent: number;
  failed: number;
  stillHeld: number;
  skipped: number;
}

type Step =
  | { kind: 'send'; replyId: bigint; tenantId: string; body: string; assessment: ReplyAssessment; charge: ReplyCharge }
  | { kind: 'held' | 'skipped' }
  | null;

/**
 * Sends the replies quiet hours held, once their time has come, one at a time:
 * each is assessed again as if staff pressed Send now. A number put on the DNC
 * list since, or a long code no longer the workspace's, means it never goes
 * (skipped, with the reason shown in the thread); the kill switch or a spent
 * budget keeps it held, with that reason, and it is tried again later.
 */
export async function sendHeldReplies(options: SendHeldRepliesOptions): Promise<HeldRepliesReport> {
  const report: HeldRepliesReport = { sent: 0, failed: 0, stillHeld: 0, skipped: 0 };
  const limit = options.limit ?? 50;
  for (let i = 0; i < limit; i++) {
    const now = options.now ?? new Date();
    const step = await inTransaction(async (tx): Promise<Step> => {
      const { rows } = await tx.query<{ id: string; tenantId: string; conversationId: string; body: string }>(
        `SELECT id::text, "tenantId", "conversationId", body FROM conversation_replies
         WHERE state = 'QUEUED' AND "sendAfter" <= $1::timestamp
         ORDER BY "sendAfter", id LIMIT 1 FOR UPDATE SKIP LOCKED`,
        [now.toISOString()],
      );
      const reply = rows[0];
      if (!reply) return null;
      const { tenantId, conversationId } = reply;
      await lockConversation(tx, { tenantId, conversationId });
      const assessment = await assessReply(tx, { tenantId, conversationId, body: reply.body, now });
      const keepHeld = async (until: Date, reason: string): Promise<Step> => {
        await tx.query(
          `UPDATE conversation_replies SET "sendAfter" = $2::timestamp, "heldReason" = $3, "updatedAt" = now() WHERE id = $1::bigint`,
          [reply.id, until.toISOString(), reason],
        );
        return { kind: 'held' };
      };
      const retryAt = new Date(now.getTime() + HELD_REPLY_RETRY_MS);
      if (assessment.refusal && assessment.refusalLasts) {
        await tx.query(
          `UPDATE conversation_replies SET state = 'SKIPPED', "heldReason" = $2, "finishedAt" = now(), "updatedAt" = now()
           WHERE id = $1::bigint`,
          [reply.id, assessment.refusal],
        );
        return { kind: 'skipped' };
      }
      if (assessment.refusal) return keepHeld(retryAt, assessment.refusal);
      if (assessment.holdReason && assessment.allowedFrom)
        return keepHeld(assessment.allowedFrom, assessment.holdReason);
      const charged = await chargeReply(tx, { tenantId, assessment, now });
      if (!charged.ok) return keepHeld(retryAt, charged.reason);
      await tx.query(
        `UPDATE conversation_replies SET state = 'SENDING', "heldReason" = NULL, "updatedAt" = $2::timestamp WHERE id = $1::bigint`,
        [reply.id, now.toISOString()],
      );
      return {
        kind: 'send',
        replyId: BigInt(reply.id),
        tenantId,
        body: reply.body,
        assessment,
        charge: charged.charge,
      };
    });
    if (!step) break;
    if (step.kind === 'send') {
      const outcome = await handOverReply({ ...step, provider: options.provider });
      if (outcome.ok) report.sent++;
      else report.failed++;
    } else if (step.kind === 'held') report.stillHeld++;
    else report.skipped++;
  }
  return report;
}
