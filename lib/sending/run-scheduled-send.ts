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
}

export async function runScheduledSend(
  options: RunScheduledSendOptions,
): Promise<DrainReport & { provider: string; simulatorCallbacks: number }> {
  const provider = configuredSmsProvider();
  const report = await drainSendQueue({ provider, timeBudgetMs: options.timeBudgetMs });
  const simulatorCallbacks = provider.name === 'simulator' ? await deliverSimulatorCallbacks() : 0;
  return { ...report, provider: provider.name, simulatorCallbacks };
}
