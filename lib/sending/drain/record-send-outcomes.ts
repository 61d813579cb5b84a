import 'server-only';
import { inTransaction } from '../../db/transaction';
import { optOutNumber } from '../../contacts/opt-out';
import type { SendOutcome } from '../../providers/sms-provider';
import { describeProviderError, isBounce, meansOptedOut } from '../../providers/twilio-errors';
import { suppressBouncedNumbers } from '../bounce-suppression';
import { chargeSentJobs, recordJobEvents } from '../job-history';
import { addUsage, numberDayKey, spendKeys, type UsageKey } from '../usage-ledger';

export interface HandedOverJob {
  id: bigint;
  tenantId: string;
  campaignId: string;
  toE164: string;
  /** Attempts including this one. */
  attempts: number;
  costMicros: number;
  parts: number;
  sendingNumberId: string;
  timeZone: string;
}

export const MAX_ATTEMPTS = 5;

/** 30 s, 2 min, 8 min, 32 min: a provider having a bad minute should not cost a recipient their message. */
export function retryDelayMs(attempts: number): number {
  return Math.min(60 * 60_000, 30_000 * 4 ** Math.max(0, attempts - 1));
}

/** What a send reserved at claim time, negated: given back when the message did not go. */
export function usageToGiveBack(
  job: { tenantId: string; timeZone: string; sendingNumberId: string; costMicros: number },
  claimedAt: Date,
): { key: UsageKey; amount: number }[] {
  const spend = spendKeys(job.tenantId, claimedAt, job.timeZone);
  return [
    { key: spend.day, amount: -job.costMicros },
    { key: spend.month, amount: -job.costMicros },
    { key: numberDayKey(job.tenantId, job.sendingNumberId, claimedAt, job.timeZone), amount: -1 },
  ];
}

/**
 * The batch's lease as a column beside the jobs' ids (ids in parameter `ids`, the lease
 * in `lease`). Compared as a filter on send_jobs, a lease the statistics have never seen
 * reads as one row: the planner then scans the table for it and loops over all the ids
 * for each job it finds, a million comparisons for a batch of 1,000 (0.5 s where the
 * join takes 25 ms). Joined as a column, each id finds its job through the primary key
 * or a hash.
 */
function leaseColumn(ids: number, lease: number): string {
  return `array_fill($${lease}::bigint, ARRAY[cardinality($${ids}::bigint[])])`;
}

export interface OutcomeTotals {
  accepted: number;
  failed: number;
  retried: number;
  uncertain: number;
  /** Passed messages never handed over because the batch's lease ran out. */
  unsent: number;
  /** Passed messages never handed over that went straight back to the queue (the run's deadline, an account problem). */
  released: number;
  /** Set when the provider refused the account itself: the drain stops until someone fixes it. */
  accountProblem: string | null;
}

export interface RecordSendOutcomesOptions {
  /** Each job handed over with what the provider answered for it. */
  results: readonly { job: HandedOverJob; outcome: SendOutcome }[];
  /** The batch's lease: only jobs still under it change, and it is released with the answers. */
  leaseId: bigint;
  /**
   * Jobs never handed over that may go straight back to the queue (the run's
   * deadline came first, or the provider refused the account): their attempt is
   * not counted and what they reserved is given back.
   */
  released?: readonly { job: HandedOverJob; nextAt: Date; reason: string }[];
  claimedAt: Date;
  now: Date;
  providerLabel: string;
  /** False while the batch still has calls out: the answers so far are recorded and the lease is kept. */
  releaseLease?: boolean;
}

/**
 * Writes what the provider said, in one transaction: accepted messages keep the
 * provider's id (state moves on with its callbacks) and are charged to the spend
 * ledger; refused ones fail or wait for a retry and give back what they reserved;
 * a recipient the provider says opted out goes on the DNC list with its failure.
 * A callback that already arrived for a message is never undone: only jobs still
 * SENDING under this batch's lease change state here (a job recovery took over
 * after the lease expired is its new owner's), and only those give usage back.
 */
export async function recordSendOutcomes(options: RecordSendOutcomesOptions): Promise<OutcomeTotals> {
  const { results, leaseId, claimedAt, now, providerLabel } = options;
  const released = options.released ?? [];
  const lease = leaseId.toString();
  const at = now.toISOString();
  const accepted: { job: HandedOverJob; sid: string }[] = [];
  const failed: { job: HandedOverJob; code: string | null; message: string }[] = [];
  const retried: { job: HandedOverJob; code: string | null; message: string; nextAt: Date; countAttempt: boolean }[] =
    [];
  const uncertain: { job: HandedOverJob; message: string }[] = [];
  let accountProblem: string | null = null;
  results.forEach(({ job, outcome }) => {
    if (outcome.ok) return accepted.push({ job, sid: outcome.providerMessageId });
    const message = describeProviderError(outcome.code, outcome.message);
    if (outcome.kind === 'permanent') return failed.push({ job, code: outcome.code, message });
    if (outcome.kind === 'uncertain') return uncertain.push({ job, message });
    if (outcome.kind === 'account') {
      accountProblem = message;
      return retried.push({
        job,
        code: outcome.code,
        message: `${providerLabel} refused the account: ${message}`,
        nextAt: new Date(now.getTime() + 60_000),
        countAttempt: false,
      });
    }
    if (job.attempts >= MAX_ATTEMPTS)
      return failed.push({ job, code: outcome.code, message: `gave up after ${job.attempts} attempts: ${message}` });
    retried.push({
      job,
      code: outcome.code,
      message: `${providerLabel} error, will retry: ${message}`,
      nextAt: new Date(now.getTime() + retryDelayMs(job.attempts)),
      countAttempt: true,
    });
  });

  await inTransaction(async (tx) => {
    const changed = new Set<string>();
    if (accepted.length) {
      const ids = accepted.map((a) => a.job.id.toString());
      await tx.query(
        `UPDATE send_jobs j SET "providerMessageId" = COALESCE(j."providerMessageId", x.sid), "errorCode" = NULL, "errorMessage" = NULL, "updatedAt" = $1::timestamp
         FROM unnest($2::bigint[], $3::text[], ${leaseColumn(2, 4)}) AS x(id, sid, lease) WHERE j.id = x.id AND j."leaseId" = x.lease`,
        [at, ids, accepted.map((a) => a.sid), lease],
      );
      await chargeSentJobs(
        tx,
        accepted.map(({ job }) => ({
          tenantId: job.tenantId,
          jobId: job.id,
          costMicros: job.costMicros,
          description: `${job.parts} SMS part(s)`,
        })),
        now,
      );
    }
    if (failed.length) {
      const ids = failed.map((f) => f.job.id.toString());
      const { rows } = await tx.query<{ id: string }>(
        `UPDATE send_jobs j SET state = 'FAILED', "errorCode" = x.code, "errorMessage" = x.message, "finishedAt" = $1::timestamp, "updatedAt" = $1::timestamp
         FROM unnest($2::bigint[], $3::text[], $4::text[], ${leaseColumn(2, 5)}) AS x(id, code, message, lease)
         WHERE j.id = x.id AND j.state = 'SENDING' AND j."leaseId" = x.lease RETURNING j.id`,
        [at, ids, failed.map((f) => f.code), failed.map((f) => f.message), lease],
      );
      rows.forEach((r) => changed.add(r.id));
      await suppressBouncedNumbers(
        tx,
        failed
          .filter((f) => isBounce(f.code))
          .map((f) => ({
            tenantId: f.job.tenantId,
            phoneE164: f.job.toE164,
            campaignId: f.job.campaignId,
            code: f.code!,
          })),
        now,
      );
      // Before usage is given back: counters are the last rows this transaction
      // locks, as in the claim, so a drain claiming this person's other jobs never
      // waits on us while we wait on it.
      for (const { job } of failed.filter((f) => meansOptedOut(f.code))) {
        await optOutNumber(tx, {
          tenantId: job.tenantId,
          phoneE164: job.toE164,
          source: 'PROVIDER_OPTED_OUT',
          reason: 'Twilio error 21610: recipient opted out',
        });
      }
    }
    if (retried.length) {
      const { rows } = await tx.query<{ id: string }>(
        `UPDATE send_jobs j SET state = 'QUEUED', "nextAttemptAt" = x.next_at, gate = 'retry', "gateReason" = x.message, "errorCode" = x.code, "errorMessage" = x.message,
           attempts = j.attempts - CASE WHEN x.counted THEN 0 ELSE 1 END, "updatedAt" = $1::timestamp
         FROM unnest($2::bigint[], $3::timestamp[], $4::text[], $5::text[], $6::boolean[], ${leaseColumn(2, 7)}) AS x(id, next_at, code, message, counted, lease)
         WHERE j.id = x.id AND j.state = 'SENDING' AND j."leaseId" = x.lease RETURNING j.id`,
        [
          at,
          retried.map((r) => r.job.id.toString()),
          retried.map((r) => r.nextAt.toISOString()),
          retried.map((r) => r.code),
          retried.map((r) => r.message),
          retried.map((r) => r.countAttempt),
          lease,
        ],
      );
      rows.forEach((r) => changed.add(r.id));
    }
    if (released.length) {
      const { rows } = await tx.query<{ id: string }>(
        `UPDATE send_jobs j SET state = 'QUEUED', "nextAttemptAt" = x.next_at, gate = 'retry', "gateReason" = x.reason,
           attempts = j.attempts - 1, "updatedAt" = $1::timestamp
         FROM unnest($2::bigint[], $3::timestamp[], $4::text[], ${leaseColumn(2, 5)}) AS x(id, next_at, reason, lease)
         WHERE j.id = x.id AND j.state = 'SENDING' AND j."providerMessageId" IS NULL AND j."leaseId" = x.lease RETURNING j.id`,
        [
          at,
          released.map((r) => r.job.id.toString()),
          released.map((r) => r.nextAt.toISOString()),
          released.map((r) => r.reason),
          lease,
        ],
      );
      rows.forEach((r) => changed.add(r.id));
    }
    // An uncertain job stays SENDING with no provider id: once no answer can still be
    // on its way, the drain asks the provider whether it has the message before sending again.
    await recordJobEvents(
      tx,
      [
        ...accepted.map(({ job, sid }) => ({
          tenantId: job.tenantId,
          jobId: job.id,
          state: 'SENDING' as const,
          detail: `handed to ${providerLabel} as ${sid}`,
        })),
        ...failed.map(({ job, code, message }) => ({
          tenantId: job.tenantId,
          jobId: job.id,
          state: 'FAILED' as const,
          errorCode: code,
          detail: message,
        })),
        ...uncertain.map(({ job, message }) => ({
          tenantId: job.tenantId,
          jobId: job.id,
          state: 'SENDING' as const,
          detail: `no answer from ${providerLabel} (${message}); checking with it before sending again`,
        })),
      ],
      now,
    );
    await addUsage(
      tx,
      [...failed, ...retried, ...released]
        .filter(({ job }) => changed.has(job.id.toString()))
        .flatMap(({ job }) => usageToGiveBack(job, claimedAt)),
    );
    if (options.releaseLease ?? true) await tx.query(`DELETE FROM send_leases WHERE id = $1::bigint`, [lease]);
  });

  return {
    accepted: accepted.length,
    failed: failed.length,
    retried: retried.length,
    uncertain: uncertain.length,
    unsent: 0,
    released: released.length,
    accountProblem,
  };
}
