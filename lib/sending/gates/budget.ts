import { startOfNextLocalDay, startOfNextLocalMonth } from '../../time/zoned-time';
import { spendKeys, usageKeyString } from '../usage-ledger';
import { PASS, groupBy, type Gate, type GateVerdict } from './gate';

function dollars(micros: number): string {
  return `$${(micros / 1_000_000).toFixed(2)}`;
}

/**
 * Gate 2: the tenant's daily and monthly spend caps. A job passes while its cost
 * fits in what is left of both; the rest wait for the next local day or month.
 * The counters stay locked until the batch commits, and only the jobs that pass
 * every gate are charged, so concurrent drains never spend past a cap.
 */
export const budgetGate: Gate = {
  name: 'budget',
  async check(jobs, { tenants, usage, now }) {
    const verdicts: GateVerdict[] = jobs.map(() => PASS);
    const capped = [...groupBy(jobs, (j) => j.tenantId)].filter(([tenantId]) => {
      const t = tenants.get(tenantId);
      return t && (t.dailyBudgetMicros !== null || t.monthlyBudgetMicros !== null);
    });
    const keysByTenant = new Map(
      capped.map(([tenantId]) => [tenantId, spendKeys(tenantId, now, tenants.get(tenantId)!.timeZone)]),
    );
    const used = await usage.read([...keysByTenant.values()].flatMap((k) => [k.day, k.month]));
    for (const [tenantId, indexes] of capped) {
      const tenant = tenants.get(tenantId)!;
      const keys = keysByTenant.get(tenantId)!;
      let dayRoom =
        tenant.dailyBudgetMicros === null
          ? Infinity
          : tenant.dailyBudgetMicros - (used.get(usageKeyString(keys.day)) ?? 0);
      let monthRoom =
        tenant.monthlyBudgetMicros === null
          ? Infinity
          : tenant.monthlyBudgetMicros - (used.get(usageKeyString(keys.month)) ?? 0);
      for (const index of indexes) {
        const cost = jobs[index].costMicros;
        if (cost <= dayRoom && cost <= monthRoom) {
          dayRoom -= cost;
          monthRoom -= cost;
          continue;
        }
        verdicts[index] =
          cost > monthRoom
            ? {
                kind: 'hold',
                until: startOfNextLocalMonth(now, tenant.timeZone),
                reason: `monthly budget of ${dollars(tenant.monthlyBudgetMicros!)} reached`,
              }
            : {
                kind: 'hold',
                until: startOfNextLocalDay(now, tenant.timeZone),
                reason: `daily budget of ${dollars(tenant.dailyBudgetMicros!)} reached`,
              };
      }
    }
    return verdicts;
  },
};
