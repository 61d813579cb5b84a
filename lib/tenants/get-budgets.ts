import 'server-only';
import type { Actor } from '../auth/actor';
import { db } from '../db/client';
import { pgPool } from '../db/pg-pool';
import { instantAt, localTime } from '../time/zoned-time';
import { TENANT_DEFAULTS } from './tenant-defaults';

const MICROS = 1_000_000;

export interface GetBudgetsOptions {
  actor: Actor;
  now?: Date;
}

/** The workspace's spend caps and what the spend ledger shows for the local day and month so far. */
export async function getBudgets({ actor, now = new Date() }: GetBudgetsOptions) {
  const [budgets, settings] = await Promise.all([
    db().budget.findMany({ where: { tenantId: actor.tenantId }, select: { period: true, capMicros: true } }),
    db().tenantSettings.findUnique({ where: { tenantId: actor.tenantId }, select: { timeZone: true } }),
  ]);
  const zone = settings?.timeZone ?? TENANT_DEFAULTS.timeZone;
  const t = localTime(now, zone);
  const dayStart = instantAt({ year: t.year, month: t.month, day: t.day }, zone);
  const monthStart = instantAt({ year: t.year, month: t.month, day: 1 }, zone);
  const {
    rows: [spent],
  } = await pgPool().query<{ today: string; month: string }>(
    `SELECT COALESCE(sum("amountMicros") FILTER (WHERE "occurredAt" >= $2::timestamp), 0) AS today, COALESCE(sum("amountMicros"), 0) AS month
     FROM spend_ledger WHERE "tenantId" = $1::uuid AND "occurredAt" >= $3::timestamp`,
    [actor.tenantId, dayStart.toISOString(), monthStart.toISOString()],
  );
  const cap = (period: 'DAILY' | 'MONTHLY') => {
    const row = budgets.find((b) => b.period === period);
    return row ? Number(row.capMicros) / MICROS : null;
  };
  return {
    dailyCapDollars: cap('DAILY'),
    monthlyCapDollars: cap('MONTHLY'),
    spentTodayDollars: Number(spent.today) / MICROS,
    spentThisMonthDollars: Number(spent.month) / MICROS,
  };
}
