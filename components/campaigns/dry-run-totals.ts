import type { DryRunResult } from '@/lib/sending/simulate-campaign-sends';

interface DryRunTotals {
  /** Held messages are queued too: they wait for their gate and then go. */
  queued: number;
  held: number;
  skipped: number;
}

const sum = (rows: { count: number }[]) => rows.reduce((n, r) => n + r.count, 0);

/** The dry run counts held and skipped per reason; the result and the launch dialog state their totals. */
export function dryRunTotals(dryRun: DryRunResult): DryRunTotals {
  const held = sum(dryRun.held);
  return { queued: dryRun.sendNow + held, held, skipped: sum(dryRun.skipped) };
}
