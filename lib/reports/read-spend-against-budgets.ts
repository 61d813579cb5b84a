import 'server-only';
import type { Actor } from '../auth/actor';
import { pgPool } from '../db/pg-pool';
import { getWorkspaceTimeZone } from '../tenants/get-workspace-time-zone';
import { localDate, localMonthStart } from '../time/zoned-time';

export interface ReadSpendAgainstBudgetsOptions {
  actor: Actor;
  now?: Date;
}

export interface SpendAgainstBudgets {
  /** Null when the workspace has no such cap. */
  dailyBudgetMicros: number | null;
  monthlyBudgetMicros: number | null;
  spentTodayMicros: number;
  spentThisMonthMicros: number;
}

/**
 * Today's and this month's spend (the workspace's local day and month) beside the caps,
 * from the counters the budget gate itself charges and checks, so the dashboard says
 * exactly what the gate will decide from.
 */
export async function readSpendAgainstBudgets({
  actor,
  now = new Date(),
}: ReadSpendAgainstBudgetsOptions): Promise<SpendAgainstBudgets> {
  const timeZone = await getWorkspaceTimeZone({ actor });
  const {
    rows: [row],
  } = await pgPool().query<{
    daily: string | null;
    monthly: string | null;
    today: string | null;
    month: string | null;
  }>(
    `SELECT (SELECT "capMicros" FROM budgets WHERE "tenantId" = $1::uuid AND period = 'DAILY') AS daily,
            (SELECT "capMicros" FROM budgets WHERE "tenantId" = $1::uuid AND period = 'MONTHLY') AS monthly,
            (SELECT used FROM usage_counters WHERE "tenantId" = $1::uuid AND scope = 'spend:day' AND "periodStart" = $2::date) AS today,
            (SELECT used FROM usage_counters WHERE "tenantId" = $1::uuid AND scope = 'spend:month' AND "periodStart" = $3::date) AS month`,
    [actor.tenantId, localDate(now, timeZone), localMonthStart(now, timeZone)],
  );
  return {
    dailyBudgetMicros: row.daily === null ? null : Number(row.daily),
    monthlyBudgetMicros: row.monthly === null ? null : Number(row.monthly),
    spentTodayMicros: Number(row.today ?? 0),
    spentThisMonthMicros: Number(row.month ?? 0),
  };
}
