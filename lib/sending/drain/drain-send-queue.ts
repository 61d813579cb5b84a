import { defaultRateLimitStore } from '../../rate-limit/assert-rate-limit';
import type { RateLimitStore } from '../../rate-limit/store';
import type { SmsProvider } from '../../providers/sms-provider';
import { processBatch, type BatchResult } from './process-batch';
import { recoverInterruptedSends } from './recover-interrupted-sends';
import { BATCH_LEASE_MS } from './take-batch-lease';
import { completeFinishedCampaigns, pauseFailingCampaigns, startScheduledCampaigns } from './settle-campaigns';

export interface DrainOptions {
  provider: SmsProvider;
  rateLimits?: RateLimitStore;
  /** The drain's idea of now, read once per batch; tests move it to cross quiet hours and windows. */
  clock?: () => Date;
  batchSize?: number;
  sendConcurrency?: number;
  /** Stop starting new batches after this long (a cron run has a time limit). */
  timeBudgetMs?: number;
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
  ms: number;
}

/**
 * One run of the scheduled sender: start campaigns whose time has come, reconcile
 * sends a crash interrupted, then drain due jobs batch by batch until none are due
 * or the time budget is spent, and finally complete or pause campaigns. Safe to
 * run several at once and to kill at any point. Its cost follows the messages it
 * decides on, not the jobs waiting for later.
 */
export async function drainSendQueue(options: DrainOptions): Promise<DrainReport> {
  const started = Date.now();
  const clock = options.clock ?? (() => new Date());
  const batchSize = options.batchSize ?? 500;
  const rateLimits = options.rateLimits ?? defaultRateLimitStore();
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
    recovered: { found: 0, requeued: 0 },
    campaigns: { started: 0, completed: 0, paused: [] },
    stoppedBecause: null,
    ms: 0,
  };
  report.campaigns.started = await startScheduledCampaigns(clock());
  report.recovered = await recoverInterruptedSends({ provider: options.provider, now: clock() });
  while (report.batches < (options.maxBatches ?? Infinity) && Date.now() - started < (options.timeBudgetMs ?? 50_000)) {
    const batch = await processBatch({
      now: clock(),
      provider: options.provider,
      rateLimits,
      batchSize,
      sendConcurrency: options.sendConcurrency ?? 16,
      leaseMs: options.leaseMs ?? BATCH_LEASE_MS,
    });
    if (batch.claimed === 0) break;
    report.batches += 1;
    for (const key of [
      'claimed',
      'handedOver',
      'accepted',
      'held',
      'skipped',
      'failed',
      'retried',
      'uncertain',
      'unsent',
    ] as const)
      report[key] += batch[key];
    if (batch.accountProblem) {
      report.stoppedBecause = `the provider refused the account: ${batch.accountProblem}`;
      console.error(`[drain] stopped: ${report.stoppedBecause}`);
      break;
    }
    if (batch.claimed < batchSize) break;
  }
  report.campaigns.paused = await pauseFailingCampaigns(clock());
  report.campaigns.completed = await completeFinishedCampaigns(clock());
  report.ms = Date.now() - started;
  return report;
}
