import { configuredSmsProvider } from '../providers/configured-sms-provider';
import { deliverSimulatorCallbacks } from '../providers/deliver-simulator-callbacks';
import { drainSendQueue, type DrainReport } from './drain/drain-send-queue';

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
 * The cron route's run on Vercel, inside its 60 s: calls are handed over until
 * 54 s (batches near the end only as big as can still go by then), which leaves a
 * call started last (300 ms typical, a few seconds at worst) and the final writes
 * time to finish.
 */
export const CRON_RUN: RunScheduledSendOptions = { timeBudgetMs: 53_000, handOverBudgetMs: 54_000 };

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
  const report = await drainSendQueue({
    provider,
    timeBudgetMs: options.timeBudgetMs,
    handOverBudgetMs: options.handOverBudgetMs,
  });
  const simulatorCallbacks = provider.name === 'simulator' ? await deliverSimulatorCallbacks() : 0;
  return { ...report, provider: provider.name, simulatorCallbacks };
}
