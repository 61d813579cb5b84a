import { db } from '../db/client';
import { optOutNumber } from '../contacts/opt-out';
import { Prisma } from '../generated/prisma/client';
import type { SendJobState } from '../generated/prisma/enums';
import type { StatusCallback } from './schemas';
import { normalisePhone } from '../contacts/phone';
import { isBounce } from '../providers/twilio-errors';
import { explainTwilioError } from '../providers/twilio-errors';

const STATE_FOR_STATUS: Record<string, SendJobState> = {
  accepted: 'SENDING',
  scheduled: 'SENDING',
  queued: 'SENDING',
  sending: 'SENDING',
  sent: 'SENT',
  delivered: 'DELIVERED',
  read: 'DELIVERED',
  undelivered: 'UNDELIVERED',
  failed: 'FAILED',
  canceled: 'FAILED',
};

// Callbacks arrive late, twice or out of order; a job's state only ever moves forward.
const RANK_SQL = Prisma.sql`CASE state WHEN 'QUEUED' THEN 0 WHEN 'SENDING' THEN 1 WHEN 'SENT' THEN 2 ELSE 3 END`;
const RANK: Record<SendJobState, number> = {
  QUEUED: 0,
  SENDING: 1,
  SENT: 2,
  DELIVERED: 3,
  FAILED: 3,
  UNDELIVERED: 3,
  SKIPPED: 3,
};

export type StatusOutcome = 'applied' | 'stale' | 'duplicate' | 'unknown-message' | 'ignored-status';

const JOB_SELECT = { id: true, tenantId: true, campaignId: true, toE164: true, costMicros: true, parts: true } as const;

/**
 * The job a callback is about: by the provider's id, or — when the drain died
 * before recording that id — by the job our callback URL names, provided the
 * recipient matches and the job has no id yet. That includes a job queued again
 * because the provider could not find the message: the callback proves it went,
 * and moving the job on keeps it from being sent a second time.
 */
async function findJob(tx: Prisma.TransactionClient, callback: StatusCallback, jobHint: bigint | null) {
  const known = await tx.sendJob.findUnique({ where: { providerMessageId: callback.MessageSid }, select: JOB_SELECT });
  if (known || jobHint === null || !callback.To) return known;
  const waiting = await tx.sendJob.findFirst({ where: { id: jobHint, providerMessageId: null }, select: JOB_SELECT });
  const to = normalisePhone(callback.To);
  if (!waiting || !to.ok || to.e164 !== waiting.toE164) return null;
  await tx.sendJob.update({ where: { id: waiting.id }, data: { providerMessageId: callback.MessageSid } });
  await tx.spendLedgerEntry.createMany({
    data: [
      {
        tenantId: waiting.tenantId,
        sendJobId: waiting.id,
        amountMicros: waiting.costMicros ?? 0,
        description: `${waiting.parts ?? 1} SMS part(s)`,
      },
    ],
    skipDuplicates: true,
  });
  return waiting;
}

/** Moves a sent message's job along Twilio's statuses, once per event, never backwards. */
export async function applyStatusCallback(
  callback: StatusCallback,
  payload: Record<string, string>,
  idempotencyToken: string | null,
  jobHint: bigint | null = null,
): Promise<StatusOutcome> {
  const state = STATE_FOR_STATUS[callback.MessageStatus];
  const eventKey = idempotencyToken
    ? `status-token:${idempotencyToken}`
    : `status:${callback.MessageSid}:${callback.MessageStatus}`;
  try {
    return await db().$transaction(async (tx) => {
      const job = await findJob(tx, callback, jobHint);
      await tx.webhookEvent.create({
        data: {
          tenantId: job?.tenantId ?? null,
          kind: 'STATUS',
          eventKey,
          messageSid: callback.MessageSid,
          payload,
          processedAt: new Date(),
        },
      });
      if (!job) return 'unknown-message';
      if (!state) return 'ignored-status';
      const errorCode = callback.ErrorCode || null;
      const now = new Date();
      const sentAt = RANK[state] >= 2 ? now : null;
      const deliveredAt = state === 'DELIVERED' ? now : null;
      const finishedAt = RANK[state] === 3 ? now : null;
      const moved = await tx.$executeRaw`
        UPDATE send_jobs SET state = ${state}::"SendJobState",
          "errorCode" = COALESCE(${errorCode}, "errorCode"),
          "errorMessage" = COALESCE(${explainTwilioError(errorCode)}, "errorMessage"),
          "sentAt" = COALESCE("sentAt", ${sentAt}),
          "deliveredAt" = COALESCE(${deliveredAt}, "deliveredAt"),
          "finishedAt" = COALESCE(${finishedAt}, "finishedAt"),
          "updatedAt" = ${now}
        WHERE id = ${job.id} AND "tenantId" = ${job.tenantId}::uuid AND ${RANK_SQL} < ${RANK[state]}`;
      await tx.sendJobEvent.create({
        data: {
          tenantId: job.tenantId,
          sendJobId: job.id,
          state,
          errorCode,
          detail: moved ? explainTwilioError(errorCode) : `late "${callback.MessageStatus}" callback ignored`,
        },
      });
      if (errorCode === '21610') {
        await optOutNumber(tx, {
          tenantId: job.tenantId,
          phoneE164: job.toE164,
          source: 'PROVIDER_OPTED_OUT',
          reason: 'Twilio error 21610: recipient opted out',
        });
      }
      if (moved && isBounce(errorCode)) {
        const settings = await tx.tenantSettings.findUnique({
          where: { tenantId: job.tenantId },
          select: { suppressionDays: true },
        });
        await tx.suppression.create({
          data: {
            tenantId: job.tenantId,
            phoneE164: job.toE164,
            campaignId: job.campaignId,
            reason: `bounced: ${explainTwilioError(errorCode)}`,
            expiresAt: new Date(now.getTime() + (settings?.suppressionDays ?? 90) * 86_400_000),
          },
        });
      }
      return moved ? 'applied' : 'stale';
    });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') return 'duplicate';
    throw error;
  }
}
