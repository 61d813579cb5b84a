import 'server-only';
import { inTransaction } from '../db/transaction';
import type { SmsProvider } from '../providers/sms-provider';
import { describeProviderError } from '../providers/twilio-errors';
import { addUsage } from '../sending/usage-ledger';
import type { ReplyAssessment } from './assess-reply';
import type { ReplyCharge } from './charge-reply';

export interface HandOverReplyOptions {
  tenantId: string;
  replyId: bigint;
  body: string;
  assessment: Pick<ReplyAssessment, 'to' | 'from' | 'messagingServiceSid' | 'parts' | 'costMicros'>;
  charge: ReplyCharge;
  provider: SmsProvider;
}

export type HandOverReplyOutcome = { ok: true } | { ok: false; kind: string; why: string };

/**
 * Gives a reply already recorded as SENDING (and charged) to the provider, then
 * records the answer: the provider's id and the spend, or the failure with the
 * money given back. Its status callbacks name the reply (`?cr=`).
 */
export async function handOverReply(options: HandOverReplyOptions): Promise<HandOverReplyOutcome> {
  const { tenantId, replyId, body, assessment, charge, provider } = options;
  const outcome = await provider.send({
    jobId: 0n,
    conversationReplyId: replyId,
    to: assessment.to,
    from: assessment.from,
    messagingServiceSid: assessment.messagingServiceSid,
    body,
  });
  if (!outcome.ok) {
    const why = describeProviderError(outcome.code, outcome.message);
    await inTransaction(async (tx) => {
      await tx.query(
        `UPDATE conversation_replies SET state = 'FAILED', "errorCode" = $2, "errorMessage" = $3,
           "finishedAt" = now(), "updatedAt" = now() WHERE id = $1::bigint AND state = 'SENDING'`,
        [replyId.toString(), outcome.code, why],
      );
      await addUsage(
        tx,
        charge.map((c) => ({ ...c, amount: -c.amount })),
      );
    });
    return { ok: false, kind: outcome.kind, why };
  }
  await inTransaction(async (tx) => {
    // A status callback may have named the reply first and recorded the id already.
    await tx.query(
      `UPDATE conversation_replies SET "providerMessageId" = $2, "updatedAt" = now()
       WHERE id = $1::bigint AND "providerMessageId" IS NULL`,
      [replyId.toString(), outcome.providerMessageId],
    );
    await tx.query(
      `INSERT INTO spend_ledger ("tenantId", "amountMicros", description) VALUES ($1::uuid, $2::bigint, $3)`,
      [tenantId, assessment.costMicros, `conversation reply ${replyId} (${assessment.parts} part(s))`],
    );
  });
  return { ok: true };
}
