import { setTimeout as sleep } from 'node:timers/promises';
import { defaultRateLimitStore } from '../../rate-limit/assert-rate-limit';
import type { RateLimitStore } from '../../rate-limit/store';
import type { SmsProvider } from '../../providers/sms-provider';
import { claimBatch, type BatchResult } from './claim-batch';
import { sendBatchMessages } from './send-batch-messages';
import { sendPipe, type SendPipeStats } from './send-pipe';
import { recoverInterruptedSends } from './recover-interrupted-sends';
import { BATCH_LEASE_MS } from './take-batch-lease';
import { completeFinishedCampaigns, pauseFailingCampaigns, startScheduledCampaigns } from './settle-campaigns';

export interface DrainOptions {
  provider: SmsProvider;
  rateLimits?: RateLimitStore;
  /** The drain's idea of now, read once per batch; tests move it to cross quiet hours and windows. */
  clock?: () => Date;
  batchSize?: number;
  /** Provider requests in flight at most (the limit backs off on the provider's 429s). */
  sendConcurrency?: number;
  /** Stop starting new batches after this long (a cron run has a time limit). */
  timeBudgetMs?: number;
  /**
   * Start no provider call after this long (default: the time budget and 15 s):
   * what is still waiting then goes back to the queue for the next run.
   */
  handOverBudgetMs?: number;
  maxBatches?: number;
  /** How long a batch's lease lasts unrenewed (default BATCH_LEASE_MS); tests shorten it. */
  leaseMs?: number;
}

/** The batches' counts added up, and what the run did around them. */
export interface DrainReport extends Omit<BatchResult, 'accountProblem'> {
  batches: number;
  recovered: { found: number; requeued: number };
  campaigns: { started: number; completed: number; paused: { campaignId: string; reason: string }[] };
  stoppedBecause: string | null;
  /** True when the run ended with jobs still due (its time or batch budget ran out): the next run may start at once. */
  moreDue: boolean;
  handOver: SendPipeStats;
  ms: number;
}

export const DEFAULT_SEND_CONCURRENCY = 64;

/**
 * One run of the scheduled sender: start campaigns whose time has come, reconcile
 * sends a crash interrupted, then drain due jobs batch by batch until none are due
 * or the time budget is spent, and finally complete or pause campaigns. The
 * batches' messages all go through one pipe that keeps the provider's requests in
 * flight, each sender at its pace: the next batch is claimed while the last one's
 * messages are still going out, so neither the claim nor a slow call leaves the
 * pipe empty. Safe to run several at once and to kill at any point. Its cost
 * follows the messages it decides on, not the jobs waiting for later.
 */
export async function drainSendQueue(options: DrainOptions): Promise<DrainReport> {
  const started = Date.now();
  const startedAt = performance.now();
  const clock = options.clock ?? (() => new Date());
  const batchSize = options.batchSize ?? 500;
  const rateLimits = options.rateLimits ?? defaultRateLimitStore();
  const timeBudgetMs = options.timeBudgetMs ?? 50_000;
  const concurrency = options.sendConcurrency ?? DEFAULT_SEND_CONCURRENCY;
  const leaseMs = options.leaseMs ?? BATCH_LEASE_MS;
  const report: DrainReport = {
    batches: 0,
    claimed: 0,
    handedOver: 0,
    accepted: 0,
    held: 0,
    skipped: 0,
    failed: 0,
    retried: 0,
    uncertain: 0,
    unsent: 0,
    released: 0,
    recovered: { found: 0, requeued: 0 },
    campaigns: { started: 0, completed: 0, paused: [] },
    stoppedBecause: null,
    moreDue: false,
    handOver: { concurrency, peakInFlight: 0, throttled: 0, throttleRetries: 0 },
    ms: 0,
  };
  report.campaigns.started = await startScheduledCampaigns(clock());
  report.recovered = await recoverInterruptedSends({ provider: options.provider, now: clock() });
  const deadline = startedAt + (options.handOverBudgetMs ?? timeBudgetMs + 15_000);
  const pipe = sendPipe({ provider: options.provider, maxConcurrency: concurrency, deadline });
  // The next batch is claimed once the pipe has no more than this many messages
  // waiting: enough to keep every request slot busy while the claim runs.
  const lowWater = 2 * concurrency;
  const sending: Promise<void>[] = [];
  let failure: unknown = null;
  const withinBudget = () =>
    report.batches < (options.maxBatches ?? Infinity) && performance.now() - startedAt < timeBudgetMs;
  try {
    for (;;) {
      while (pipe.waiting() > lowWater && withinBudget() && !pipe.accountProblem() && failure === null) await sleep(10);
      if (pipe.accountProblem() || failure !== null) break;
      if (!withinBudget()) {
        report.moreDue = true;
        break;
      }
      // Near the deadline a batch is only as big as the pipe can still hand over.
      const rate = pipe.startRate();
      const size =
        rate === null
          ? batchSize
          : Math.min(batchSize, Math.ceil((rate * (deadline - performance.now())) / 1000) - pipe.waiting());
      if (size <= 0) {
        report.moreDue = true;
        break;
      }
      const now = clock();
      const batch = await claimBatch({ now, rateLimits, batchSize: size, leaseMs });
      if (!batch) break;
      report.batches += 1;
      report.claimed += batch.claimed;
      report.held += batch.held;
      report.skipped += batch.skipped;
      report.handedOver += batch.toSend.length;
      sending.push(
        sendBatchMessages({
          provider: options.provider,
          pipe,
          messages: batch.toSend,
          now,
          lease: batch.lease,
          leaseMs,
        }).then(
          (totals) => {
            for (const key of ['accepted', 'failed', 'retried', 'uncertain', 'unsent', 'released'] as const)
              report[key] += totals[key];
          },
          (error: unknown) => {
            failure ??= error;
          },
        ),
      );
      if (batch.claimed < size) break;
      // Nothing passed because a rate window is full: the next claims would only
      // hold more jobs for the same minute, so the run pauses before claiming again.
      if (!batch.toSend.length && batch.heldByRateLimit) await sleep(250);
    }
  } finally {
    await Promise.all(sending);
    pipe.close();
  }
  if (failure !== null) throw failure;
  report.handOver = pipe.stats();
  // What was handed over but not answered for the deadline went back to the queue.
  if (report.released && !pipe.accountProblem()) report.moreDue = true;
  const accountProblem = pipe.accountProblem();
  if (accountProblem) {
    report.stoppedBecause = `the provider refused the account: ${accountProblem}`;
    console.error(`[drain] stopped: ${report.stoppedBecause}`);
  }
  report.campaigns.paused = await pauseFailingCampaigns(clock());
  report.campaigns.completed = await completeFinishedCampaigns(clock());
  report.ms = Date.now() - started;
  return report;
}
