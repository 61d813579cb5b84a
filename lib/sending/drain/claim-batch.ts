import 'server-only';
import { inTransaction } from '../../db/transaction';
import type { RateLimitStore } from '../../rate-limit/store';
import { loadSendingPolicies } from '../load-sending-policies';
import { lockedFrequencyLedger } from '../frequency-ledger';
import { lockedUsageLedger } from '../usage-ledger';
import { applyGateDecisions } from './apply-gate-decisions';
import { attachShortLinks } from './attach-short-links';
import type { DecidedJob } from './batch-job';
import { claimDueJobs } from './claim-due-jobs';
import { decideBatchJobs } from './decide-batch-jobs';
import { messagesToSend, type OutgoingMessage } from './messages-to-send';
import { prepareBatchJobs } from './prepare-batch-jobs';
import { takeBatchLease, type TakenLease } from './take-batch-lease';
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
  released: number;
  accountProblem: string | null;
}

export interface ClaimBatchOptions {
  now: Date;
  rateLimits: RateLimitStore;
  batchSize: number;
  /** How long a batch's lease lasts unrenewed. */
  leaseMs: number;
}

/** A claimed batch: what the gates decided, and the passed messages with the lease they go out under. */
export interface ClaimedBatch {
  claimed: number;
  held: number;
  /** Of the held jobs, those a full rate window held (they are due again within the minute). */
  heldByRateLimit: number;
  skipped: number;
  toSend: OutgoingMessage[];
  lease: TakenLease | null;
}

function countVerdicts(jobs: readonly DecidedJob[], kind: 'hold' | 'skip'): number {
  return jobs.filter((job) => job.decision.verdict.kind === kind).length;
}

/**
 * One batch's claim: claim due jobs, write each message, run the gates and record
 * every decision in one transaction. The passed jobs are handed over under a lease
 * taken in the claim: a crash after the commit leaves them SENDING without a
 * provider id, which a later drain reconciles with the provider once the lease
 * has expired, never while the drain that holds it is still working. Null when no
 * job is due.
 */
export async function claimBatch(options: ClaimBatchOptions): Promise<ClaimedBatch | null> {
  const { now, rateLimits } = options;
  return inTransaction(async (tx) => {
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
        frequency: lockedFrequencyLedger(tx),
      },
    });
    const toSend = messagesToSend(jobs);
    const lease = toSend.length ? await takeBatchLease(tx, { ttlMs: options.leaseMs }) : null;
    await applyGateDecisions(tx, { jobs, now, leaseId: lease?.id ?? null });
    return {
      claimed: claimed.length,
      held: countVerdicts(jobs, 'hold'),
      heldByRateLimit: jobs.filter((job) => job.decision.gate === 'rate_limit').length,
      skipped: countVerdicts(jobs, 'skip'),
      toSend,
      lease,
    };
  });
}
