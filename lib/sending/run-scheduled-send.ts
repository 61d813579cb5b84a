import { configuredSmsProvider } from '../providers/configured-sms-provider';
import { deliverSimulatorCallbacks } from '../providers/deliver-simulator-callbacks';
import { drainInTurn } from './drain/drain-in-turn';
import type { DrainReport } from './drain/drain-send-queue';

/**
 * What the cron route runs each minute: drain the queue through the configured
 * provider, and when that is the simulator, deliver the callbacks it owes.
 */
export interface RunScheduledSendOptions {
  /** Stop starting new batches after this long. */
  timeBudgetMs: number;
  /** Start no provider call after this long; what is left goes back to the queue for the next run. */
  handOverBudgetMs: number;
}

/**
 * The cron route's run on Vercel: the cron calls every minute and each run may hand
 * calls over until 114 s of its 120 (`maxDuration`; Vercel allows 300 on every
 * plan). Runs take turns (drainInTurn): the next one, started a minute in, waits for
 * the turn and takes it the moment this one starts no more calls, so the pipe is
 * never empty across a minute's boundary, where a single 60 s run's start-up and
 * tail left a tenth of every minute unsent. The last 6 s leave a call started last
 * (300 ms typical, a few seconds at worst) and the final writes time to finish.
 */
export const CRON_RUN: RunScheduledSendOptions = { timeBudgetMs: 113_000, handOverBudgetMs: 114_000 };

/**
 * The same route called by the local drain timer (scripts/support/drain-timer.ts),
 * which has no 60 s limit: longer runs, so the pipe empties (the last slow calls,
 * the run's own bookkeeping) once per two minutes rather than once per minute.
 */
export const LOCAL_RUN: RunScheduledSendOptions = { timeBudgetMs: 119_000, handOverBudgetMs: 120_000 };

/** Vercel sets VERCEL=1 in its functions; anywhere else the route is called by the local timer or by hand. */
export function scheduledRunShape(): RunScheduledSendOptions {
  return process.env.VERCEL ? CRON_RUN : LOCAL_RUN;
}

export async function runScheduledSend(
  options: RunScheduledSendOptions,
): Promise<DrainReport & { provider: string; simulatorCallbacks: number }> {
  const provider = configuredSmsProvider();
  const report = await drainInTurn({
    provider,
    timeBudgetMs: options.timeBudgetMs,
    handOverBudgetMs: options.handOverBudgetMs,
  });
  const simulatorCallbacks = provider.name === 'simulator' ? await deliverSimulatorCallbacks() : 0;
  return { ...report, provider: provider.name, simulatorCallbacks };
}
