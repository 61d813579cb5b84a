import { TENANT_DEFAULTS } from '../../tenants/tenant-defaults';
import { HELD_UNTIL_RESUMED } from '../gates/gate';
import type { GateContext, GateDecision } from '../gates/gate';
import { runGates } from '../gates/pipeline';
import { toCandidate } from '../to-candidate';
import type { DecidedJob, WrittenJob } from './batch-job';

export interface DecideBatchJobsOptions {
  jobs: readonly WrittenJob[];
  context: GateContext;
}

const NO_MESSAGE: GateDecision = {
  gate: 'pause',
  verdict: { kind: 'hold', until: HELD_UNTIL_RESUMED, reason: 'the campaign has no message to send' },
  sendingNumberId: null,
};

/**
 * The gates decide every job with a message, in the order claimed; a job whose
 * campaign has no message waits until staff give it one and resume it.
 */
export async function decideBatchJobs({ jobs, context }: DecideBatchJobsOptions): Promise<DecidedJob[]> {
  const candidates = jobs.map((job) => ({
    ...job,
    candidate: toCandidate({
      job: job.claimed,
      tenantTimeZone: job.tenant?.timeZone ?? TENANT_DEFAULTS.timeZone,
      costMicros: job.message?.costMicros ?? 0,
    }),
  }));
  const gated = await runGates(
    candidates.filter((job) => job.message !== null).map((job) => job.candidate),
    context,
  );
  // runGates answers with the very candidate objects it was given.
  const decisionOf = new Map(gated.map(({ candidate, decision }) => [candidate, decision]));
  return candidates.map((job) => ({ ...job, decision: decisionOf.get(job.candidate) ?? NO_MESSAGE }));
}
