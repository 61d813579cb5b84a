import type { UsageKey } from '../usage-ledger';
import { numberDayKey, spendKeys } from '../usage-ledger';
import { budgetGate } from './budget';
import { dncGate } from './dnc';
import { frequencyCapGate } from './frequency-cap';
import { PASS } from './gate';
import type { CandidateJob, Gate, GateContext, GateDecision, GateJob } from './gate';
import { pauseGate } from './pause';
import { quietHoursGate } from './quiet-hours';
import { rateLimitsGate } from './rate-limits';
import { suppressionGate } from './suppression';
import { warmUpGate } from './warm-up';

/** The order is the design's: stop, money, consent, suppression, how often, the clock, pace, reputation. */
export const GATES: readonly Gate[] = [
  pauseGate,
  budgetGate,
  dncGate,
  suppressionGate,
  frequencyCapGate,
  quietHoursGate,
  rateLimitsGate,
  warmUpGate,
];

/** A candidate and what the gates decided for it. */
export interface GatedCandidate {
  candidate: CandidateJob;
  decision: GateDecision;
}

/** What a job that passes every gate uses up: its cost in the spend periods, one message of its number's day. */
export function usageOf(job: GateJob, context: GateContext): { key: UsageKey; amount: number }[] {
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

/** One candidate on its way through the gates: the job as the next gate sees it, and the decision once made. */
interface Passage {
  candidate: CandidateJob;
  job: GateJob;
  decision: GateDecision | null;
}

/**
 * Runs a batch through the gates in order; each gate sees only the jobs every
 * earlier gate passed, with what earlier gates chose for them (the sending
 * number). The jobs that pass them all are charged to the budget and their
 * number's day before the batch commits. Answers each candidate with its
 * decision, in the order given.
 */
export async function runGates(
  candidates: readonly CandidateJob[],
  context: GateContext,
  gates: readonly Gate[] = GATES,
): Promise<GatedCandidate[]> {
  const passages: Passage[] = candidates.map((candidate) => ({
    candidate,
    job: { ...candidate, sendingNumberId: null },
    decision: null,
  }));
  let open = passages;
  for (const gate of gates) {
    if (!open.length) break;
    const verdicts = await gate.check(
      open.map((passage) => passage.job),
      context,
    );
    const passed: Passage[] = [];
    open.forEach((passage, k) => {
      const verdict = verdicts[k];
      if (verdict.kind !== 'pass') {
        passage.decision = { gate: gate.name, verdict, sendingNumberId: null };
        return;
      }
      if (verdict.sendingNumberId !== undefined)
        passage.job = { ...passage.job, sendingNumberId: verdict.sendingNumberId };
      passed.push(passage);
    });
    open = passed;
  }
  await context.usage.add(open.flatMap((passage) => usageOf(passage.job, context)));
  return passages.map(({ candidate, job, decision }) => ({
    candidate,
    decision: decision ?? { gate: null, verdict: PASS, sendingNumberId: job.sendingNumberId },
  }));
}
