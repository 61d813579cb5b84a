import type { UsageKey } from '../usage-ledger';
import { numberDayKey, spendKeys } from '../usage-ledger';
import { budgetGate } from './budget';
import { dncGate } from './dnc';
import { PASS, type CandidateJob, type Gate, type GateContext, type GateName, type GateVerdict } from './gate';
import { pauseGate } from './pause';
import { quietHoursGate } from './quiet-hours';
import { rateLimitsGate } from './rate-limits';
import { suppressionGate } from './suppression';
import { warmUpGate } from './warm-up';

/** The order is the design's: stop, money, consent, suppression, the clock, pace, reputation. */
export const GATES: readonly Gate[] = [
  pauseGate,
  budgetGate,
  dncGate,
  suppressionGate,
  quietHoursGate,
  rateLimitsGate,
  warmUpGate,
];

export interface GateDecision {
  /** The gate that held or skipped the job; null when every gate passed it. */
  gate: GateName | null;
  verdict: GateVerdict;
}

/** What a job that passes every gate uses up: its cost in the spend periods, one message of its number's day. */
export function usageOf(job: CandidateJob, context: GateContext): { key: UsageKey; amount: number }[] {
  const timeZone = context.tenants.get(job.tenantId)!.timeZone;
  const spend = spendKeys(job.tenantId, context.now, timeZone);
  const entries = [
    { key: spend.day, amount: job.costMicros },
    { key: spend.month, amount: job.costMicros },
  ];
  if (job.sendingNumberId)
    entries.push({ key: numberDayKey(job.tenantId, job.sendingNumberId, context.now, timeZone), amount: 1 });
  return entries;
}

/**
 * Runs a batch through the gates in order; each gate sees only the jobs every
 * earlier gate passed. The jobs that pass them all are charged to the budget and
 * their number's day before the batch commits.
 */
export async function runGates(
  jobs: readonly CandidateJob[],
  context: GateContext,
  gates: readonly Gate[] = GATES,
): Promise<GateDecision[]> {
  const decisions: GateDecision[] = jobs.map(() => ({ gate: null, verdict: PASS }));
  let open = jobs.map((_, index) => index);
  for (const gate of gates) {
    if (!open.length) break;
    const verdicts = await gate.check(
      open.map((index) => jobs[index]),
      context,
    );
    const passed: number[] = [];
    open.forEach((index, k) => {
      if (verdicts[k].kind === 'pass') passed.push(index);
      else decisions[index] = { gate: gate.name, verdict: verdicts[k] };
    });
    open = passed;
  }
  await context.usage.add(open.flatMap((index) => usageOf(jobs[index], context)));
  return decisions;
}
