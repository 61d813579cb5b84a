import 'server-only';
import type { Queryable } from '../db/queryable';
import { estimateFinish, type FinishEstimate } from './estimate-finish';
import type { SendingNumberPolicy, TenantPolicy } from './gates/gate';
import { numberDayKey, simulatedUsageLedger, spendKeys, usageKeyString } from './usage-ledger';

export interface EstimateCampaignFinishOptions {
  db: Queryable;
  tenant: TenantPolicy;
  /** The campaign's active sending numbers. */
  numbers: readonly SendingNumberPolicy[];
  /** Messages still to go. */
  messages: number;
  averageCostMicros: number;
  now: Date;
}

/**
 * When a campaign's remaining messages should all have gone, at the workspace's pace,
 * its numbers' warm-up and daily caps and what is left of today's and this month's
 * budgets, as the counters stand now. The dry run and the dashboard both ask this.
 */
export async function estimateCampaignFinish({
  db,
  tenant,
  numbers,
  messages,
  averageCostMicros,
  now,
}: EstimateCampaignFinishOptions): Promise<FinishEstimate> {
  const spend = spendKeys(tenant.tenantId, now, tenant.timeZone);
  const numberKeys = numbers.map((n) => numberDayKey(tenant.tenantId, n.id, now, tenant.timeZone));
  const used = await simulatedUsageLedger(db).read([spend.day, spend.month, ...numberKeys]);
  return estimateFinish({
    now,
    timeZone: tenant.timeZone,
    quietHours: tenant.quietHours,
    messages,
    perMinute: Math.min(tenant.tenantRatePerMinute, tenant.numberRatePerMinute * numbers.length),
    numbers: numbers.map((n, i) => ({
      warmupStartedAt: n.warmupStartedAt,
      dailyCap: n.dailyCap,
      usedToday: used.get(usageKeyString(numberKeys[i])) ?? 0,
    })),
    averageCostMicros,
    dailyBudgetMicros: tenant.dailyBudgetMicros,
    spentTodayMicros: used.get(usageKeyString(spend.day)) ?? 0,
    monthlyBudgetMicros: tenant.monthlyBudgetMicros,
    spentThisMonthMicros: used.get(usageKeyString(spend.month)) ?? 0,
  });
}
