import 'server-only';
import type { DatabaseError } from 'pg';
import { optOutNumber } from '../contacts/opt-out';
import { normalisePhone } from '../contacts/phone';
import { inTransaction, type Tx } from '../db/transaction';
import { STATE_FOR_TWILIO_STATUS, STATE_RANK, STATE_RANK_SQL } from '../providers/twilio-message-status';
import { explainTwilioError, isBounce, meansOptedOut } from '../providers/twilio-errors';
import { suppressBouncedNumbers } from '../sending/bounce-suppression';
import { chargeSentJobs, recordJobEvents } from '../sending/job-history';
import type { StatusCallback } from './schemas';
import { statusEventKey } from './status-event-key';

/** The unique key that makes each callback event count once. */
const EVENT_KEY_CONSTRAINT = 'webhook_events_eventKey_key';

export type StatusOutcome = 'applied' | 'stale' | 'duplicate' | 'unknown-message' | 'ignored-status';

export interface ApplyStatusCallbackOptions {
  callback: StatusCallback;
  /** Every field Twilio posted and signed: kept with the event, and what tells it from a replay. */
  payload: Record<string, string>;
  /** The send job our callback URL names (`?sj=`), signed along with the URL. */
  jobHint?: bigint | null;
}

interface CallbackJob {
  id: bigint;
  tenantId: string;
  campaignId: string;
  toE164: string;
  costMicros: number | null;
  parts: number | null;
}

const JOB_COLUMNS = `id::text AS id, "tenantId", "campaignId", "toE164", "costMicros", parts`;

function toJob(row: Omit<CallbackJob, 'id'> & { id: string }): CallbackJob {
  return { ...row, id: BigInt(row.id) };
}

/**
 * The job a callback is about: by the provider's id, or — when the drain died
 * before recording that id — by the job our callback URL names, provided the
 * recipient matches and the job has no id yet. That includes a job queued again
 * because the provider could not find the message: the callback proves it went,
 * and moving the job on keeps it from being sent a second time.
 */
async function findJob(tx: Tx, callback: StatusCallback, jobHint: bigint | null, now: Date) {
  const { rows } = await tx.query<Omit<CallbackJob, 'id'> & { id: string }>(
    `SELECT ${JOB_COLUMNS} FROM send_jobs WHERE "providerMessageId" = $1`,
    [callback.MessageSid],
  );
  if (rows[0]) return toJob(rows[0]);
  if (jobHint === null || !callback.To) return null;
  const waiting = await tx.query<Omit<CallbackJob, 'id'> & { id: string }>(
    `SELECT ${JOB_COLUMNS} FROM send_jobs WHERE id = $1::bigint AND "providerMessageId" IS NULL`,
    [jobHint.toString()],
  );
  const job = waiting.rows[0] ? toJob(waiting.rows[0]) : null;
  const to = normalisePhone(callback.To);
  if (!job || !to.ok || to.e164 !== job.toE164) return null;
  await tx.query(`UPDATE send_jobs SET "providerMessageId" = $1, "updatedAt" = $2::timestamp WHERE id = $3::bigint`, [
    callback.MessageSid,
    now.toISOString(),
    job.id.toString(),
  ]);
  await chargeSentJobs(
    tx,
    [
      {
        tenantId: job.tenantId,
        jobId: job.id,
        costMicros: job.costMicros ?? 0,
        description: `${job.parts ?? 1} SMS part(s)`,
      },
    ],
    now,
  );
  return job;
}

function isDuplicateEvent(error: unknown): boolean {
  return (error as Partial<DatabaseError> | null)?.constraint === EVENT_KEY_CONSTRAINT;
}

/**
 * Moves a sent message's job along Twilio's statuses, once per event, never
 * backwards, with the job history, the spend ledger, bounce suppression and an
 * opt-out (error 21610) the drain writes for the same outcomes, in one transaction.
 */
export async function applyStatusCallback({
  callback,
  payload,
  jobHint = null,
}: ApplyStatusCallbackOptions): Promise<StatusOutcome> {
  const state = STATE_FOR_TWILIO_STATUS[callback.MessageStatus];
  const eventKey = statusEventKey(payload);
  const now = new Date();
  try {
    return await inTransaction(async (tx) => {
      const job = await findJob(tx, callback, jobHint, now);
      await tx.query(
        `INSERT INTO webhook_events ("tenantId", kind, "eventKey", "messageSid", payload, "processedAt")
         VALUES ($1::uuid, 'STATUS', $2, $3, $4::jsonb, $5::timestamp)`,
        [job?.tenantId ?? null, eventKey, callback.MessageSid, JSON.stringify(payload), now.toISOString()],
      );
      if (!job) return 'unknown-message';
      if (!state) return 'ignored-status';
      const errorCode = callback.ErrorCode || null;
      const explanation = explainTwilioError(errorCode);
      const at = now.toISOString();
      const moved = await tx.query(
        `UPDATE send_jobs SET state = $1::"SendJobState",
           "errorCode" = COALESCE($2, "errorCode"),
           "errorMessage" = COALESCE($3, "errorMessage"),
           "sentAt" = COALESCE("sentAt", $4::timestamp),
           "deliveredAt" = COALESCE($5::timestamp, "deliveredAt"),
           "finishedAt" = COALESCE($6::timestamp, "finishedAt"),
           "updatedAt" = $7::timestamp
         WHERE id = $8::bigint AND "tenantId" = $9::uuid AND ${STATE_RANK_SQL} < $10`,
        [
          state,
          errorCode,
          explanation,
          STATE_RANK[state] >= 2 ? at : null,
          state === 'DELIVERED' ? at : null,
          STATE_RANK[state] === 3 ? at : null,
          at,
          job.id.toString(),
          job.tenantId,
          STATE_RANK[state],
        ],
      );
      const applied = (moved.rowCount ?? 0) > 0;
      await recordJobEvents(
        tx,
        [
          {
            tenantId: job.tenantId,
            jobId: job.id,
            state,
            errorCode,
            detail: applied ? explanation : `late "${callback.MessageStatus}" callback ignored`,
          },
        ],
        now,
      );
      if (meansOptedOut(errorCode)) {
        await optOutNumber(tx, {
          tenantId: job.tenantId,
          phoneE164: job.toE164,
          source: 'PROVIDER_OPTED_OUT',
          reason: 'Twilio error 21610: recipient opted out',
        });
      }
      if (applied && isBounce(errorCode)) {
        await suppressBouncedNumbers(
          tx,
          [{ tenantId: job.tenantId, phoneE164: job.toE164, campaignId: job.campaignId, code: errorCode! }],
          now,
        );
      }
      return applied ? 'applied' : 'stale';
    });
  } catch (error) {
    if (isDuplicateEvent(error)) return 'duplicate';
    throw error;
  }
}
