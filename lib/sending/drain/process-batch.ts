import 'server-only';
import { inTransaction } from '../../db/transaction';
import type { SmsProvider } from '../../providers/sms-provider';
import type { RateLimitStore } from '../../rate-limit/store';
import { loadSendingPolicies } from '../load-sending-policies';
import { lockedUsageLedger } from '../usage-ledger';
import { applyGateDecisions } from './apply-gate-decisions';
import { attachShortLinks } from './attach-short-links';
import type { DecidedJob } from './batch-job';
import { claimDueJobs } from './claim-due-jobs';
import { decideBatchJobs } from './decide-batch-jobs';
import { messagesToSend } from './messages-to-send';
import { prepareBatchJobs } from './prepare-batch-jobs';
import { sendBatchMessages } from './send-batch-messages';
import { takeBatchLease } from './take-batch-lease';
import { writeBatchMessages } from './write-batch-messages';

export interface BatchResult {
  claimed: number;
  handedOver: number;
  accepted: number;
  held: number;
  skipped: number;
  failed: number;
  retried: number;
  uncertain: number;
  unsent: number;
  accountProblem: string | null;
}

export interface ProcessBatchOptions {
  now: Date;
  provider: SmsProvider;
  rateLimits: RateLimitStore;
  batchSize: number;
  sendConcurrency: number;
  /** How long a batch's lease lasts unrenewed. */
  leaseMs: number;
}

function countVerdicts(jobs: readonly DecidedJob[], kind: 'hold' | 'skip'): number {
  return jobs.filter((job) => job.decision.verdict.kind === kind).length;
}

/**
 * One batch: claim due jobs, write each message, run the gates and record every
 * decision in one transaction; hand the passed messages to the provider; record
 * its answers. The passed jobs are handed over under a lease taken in the claim: a
 * crash after the commit leaves them SENDING without a provider id, which a later
 * drain reconciles with the provider once the lease has expired, never while the
 * drain that holds it is still working.
 */
export async function processBatch(options: ProcessBatchOptions): Promise<BatchResult> {
  const { now, provider, rateLimits } = options;
  const decided = await inTransaction(async (tx) => {
    const claimed = await claimDueJobs(tx, { now, limit: options.batchSize });
    if (!claimed.length) return null;
    const policies = await loadSendingPolicies(tx, {
      tenantIds: [...new Set(claimed.map((j) => j.tenantId))],
      campaignIds: [...new Set(claimed.map((j) => j.campaignId))],
    });
    const linked = await attachShortLinks(tx, { jobs: prepareBatchJobs({ claimed, policies }), now });
    const jobs = await decideBatchJobs({
      jobs: writeBatchMessages(linked),
      context: {
        now,
        tenants: policies.tenants,
        campaigns: policies.campaigns,
        rateLimits,
        usage: lockedUsageLedger(tx),
      },
    });
    const toSend = messagesToSend(jobs);
    const lease = toSend.length ? await takeBatchLease(tx, { ttlMs: options.leaseMs }) : null;
    await applyGateDecisions(tx, { jobs, now, leaseId: lease?.id ?? null });
    return {
      claimed: claimed.length,
      held: countVerdicts(jobs, 'hold'),
      skipped: countVerdicts(jobs, 'skip'),
      toSend,
      lease,
    };
  });

  if (!decided)
    return {
      claimed: 0,
      handedOver: 0,
      accepted: 0,
      held: 0,
      skipped: 0,
      failed: 0,
      retried: 0,
      uncertain: 0,
      unsent: 0,
      accountProblem: null,
    };
  const totals = await sendBatchMessages({
    provider,
    messages: decided.toSend,
    sendConcurrency: options.sendConcurrency,
    now,
    lease: decided.lease,
    leaseMs: options.leaseMs,
  });
  return {
    claimed: decided.claimed,
    handedOver: decided.toSend.length,
    held: decided.held,
    skipped: decided.skipped,
    ...totals,
  };
}
