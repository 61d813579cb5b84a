import 'server-only';
import { drainSendQueue, type DrainOptions, type DrainReport } from './drain-send-queue';
import { takeHandOverTurn } from './take-hand-over-turn';

export interface DrainInTurnOptions extends DrainOptions {
  /** Stop starting new batches this long after the run began, waiting included. */
  timeBudgetMs: number;
  /** Start no provider call this long after the run began, waiting included; the turn passes on then. */
  handOverBudgetMs: number;
}

/** A turn shorter than this is not worth a claim: the run leaves its jobs to the next. */
const SHORTEST_TURN_MS = 5000;

/**
 * A scheduled run: waits while an earlier run is still handing messages over, then
 * drains with what is left of its budgets. Runs that overlap (the cron starts one a
 * minute, each lasting nearly two) so take turns: the next one is ready the moment
 * the last one starts no more calls, and its tail of answers overlaps the new turn.
 */
export async function drainInTurn(options: DrainInTurnOptions): Promise<DrainReport> {
  const startedAt = performance.now();
  const endsAt = startedAt + options.handOverBudgetMs;
  const turn = await takeHandOverTurn({ waitUntil: endsAt - SHORTEST_TURN_MS, endsAt });
  const waited = performance.now() - startedAt;
  if (!turn) {
    const report = await drainSendQueue({ ...options, maxBatches: 0 });
    return { ...report, stoppedBecause: 'another run was handing messages over for the whole of this one' };
  }
  try {
    return await drainSendQueue({
      ...options,
      timeBudgetMs: options.timeBudgetMs - waited,
      handOverBudgetMs: options.handOverBudgetMs - waited,
    });
  } finally {
    await turn.release();
  }
}
