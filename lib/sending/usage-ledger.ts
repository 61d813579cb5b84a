import 'server-only';
import type { Queryable } from '../db/queryable';
import { localDate, localMonthStart } from '../time/zoned-time';

/** One period's counter: spend per local day or month, a sending number's messages per local day. */
export interface UsageKey {
  tenantId: string;
  scope: string;
  /** YYYY-MM-DD, the local date the period starts. */
  periodStart: string;
}

export interface UsageLedger {
  /** What each period has used so far. */
  read(keys: readonly UsageKey[]): Promise<Map<string, number>>;
  /** Adds to the periods' counters; a negative amount gives back what a send did not use. */
  add(entries: readonly { key: UsageKey; amount: number }[]): Promise<void>;
}

export function usageKeyString(key: UsageKey): string {
  return `${key.tenantId}|${key.scope}|${key.periodStart}`;
}

export function spendKeys(tenantId: string, at: Date, timeZone: string): { day: UsageKey; month: UsageKey } {
  return {
    day: { tenantId, scope: 'spend:day', periodStart: localDate(at, timeZone) },
    month: { tenantId, scope: 'spend:month', periodStart: localMonthStart(at, timeZone) },
  };
}

export function numberDayKey(tenantId: string, sendingNumberId: string, at: Date, timeZone: string): UsageKey {
  return { tenantId, scope: `number:${sendingNumberId}`, periodStart: localDate(at, timeZone) };
}

// Every transaction takes counter rows in this one order — spend before numbers,
// then by key — so drains and their refunds queue behind each other, never deadlock.
function lockOrder(a: string, b: string): number {
  const rank = (s: string) => (s.includes('|spend:') ? 0 : 1);
  return rank(a) - rank(b) || a.localeCompare(b);
}

function uniqueSorted(keys: readonly UsageKey[]): UsageKey[] {
  const byString = new Map(keys.map((k) => [usageKeyString(k), k]));
  return [...byString.keys()].sort(lockOrder).map((k) => byString.get(k) as UsageKey);
}

async function addToCounters(db: Queryable, entries: readonly { key: UsageKey; amount: number }[]): Promise<void> {
  const merged = new Map<string, { key: UsageKey; amount: number }>();
  for (const e of entries) {
    const s = usageKeyString(e.key);
    const prior = merged.get(s);
    merged.set(s, { key: e.key, amount: (prior?.amount ?? 0) + e.amount });
  }
  const list = [...merged.entries()]
    .sort(([a], [b]) => lockOrder(a, b))
    .map(([, e]) => e)
    .filter((e) => e.amount !== 0);
  // One statement per row keeps the lock order; a multi-row upsert may take its rows in any order.
  for (const e of list) {
    await db.query(
      `INSERT INTO usage_counters ("tenantId", scope, "periodStart", used) VALUES ($1::uuid, $2, $3::date, $4)
       ON CONFLICT ("tenantId", scope, "periodStart") DO UPDATE SET used = usage_counters.used + EXCLUDED.used`,
      [e.key.tenantId, e.key.scope, e.key.periodStart, e.amount],
    );
  }
}

/**
 * The ledger a real send uses, inside the claim transaction: reading a period
 * locks its row until the batch commits, so two drains can never both spend the
 * last dollar of a budget or the last message of a warm-up day. Rows are locked
 * in key order, so drains queue behind each other instead of deadlocking.
 */
export function lockedUsageLedger(tx: Queryable): UsageLedger {
  return {
    async read(keys) {
      const sorted = uniqueSorted(keys);
      if (!sorted.length) return new Map();
      const params = [sorted.map((k) => k.tenantId), sorted.map((k) => k.scope), sorted.map((k) => k.periodStart)];
      await tx.query(
        `INSERT INTO usage_counters ("tenantId", scope, "periodStart", used)
         SELECT t::uuid, s, p::date, 0 FROM unnest($1::text[], $2::text[], $3::text[]) AS x(t, s, p)
         ON CONFLICT DO NOTHING`,
        params,
      );
      const { rows } = await tx.query<{ tenantId: string; scope: string; periodStart: string; used: string }>(
        `SELECT u."tenantId", u.scope, to_char(u."periodStart", 'YYYY-MM-DD') AS "periodStart", u.used
         FROM usage_counters u JOIN unnest($1::text[], $2::text[], $3::text[]) WITH ORDINALITY AS x(t, s, p, ord)
           ON u."tenantId" = x.t::uuid AND u.scope = x.s AND u."periodStart" = x.p::date
         ORDER BY x.ord
         FOR UPDATE OF u`,
        params,
      );
      return new Map(rows.map((r) => [usageKeyString(r), Number(r.used)]));
    },
    add: (entries) => addToCounters(tx, entries),
  };
}

/** Gives back usage outside a claim, e.g. for messages the provider refused. */
export function addUsage(db: Queryable, entries: readonly { key: UsageKey; amount: number }[]): Promise<void> {
  return addToCounters(db, entries);
}

/**
 * For a dry run: reads what is really used, then counts the run's own imagined
 * sends in memory, so a campaign's later batches see its earlier ones. Writes nothing.
 */
export function simulatedUsageLedger(db: Queryable): UsageLedger {
  const extra = new Map<string, number>();
  const base = new Map<string, number>();
  return {
    async read(keys) {
      const missing = uniqueSorted(keys).filter((k) => !base.has(usageKeyString(k)));
      if (missing.length) {
        const { rows } = await db.query<{ tenantId: string; scope: string; periodStart: string; used: string }>(
          `SELECT u."tenantId", u.scope, to_char(u."periodStart", 'YYYY-MM-DD') AS "periodStart", u.used
           FROM usage_counters u JOIN unnest($1::text[], $2::text[], $3::text[]) AS x(t, s, p)
             ON u."tenantId" = x.t::uuid AND u.scope = x.s AND u."periodStart" = x.p::date`,
          [missing.map((k) => k.tenantId), missing.map((k) => k.scope), missing.map((k) => k.periodStart)],
        );
        for (const k of missing) base.set(usageKeyString(k), 0);
        for (const r of rows) base.set(usageKeyString(r), Number(r.used));
      }
      return new Map(
        keys.map((k) => [usageKeyString(k), (base.get(usageKeyString(k)) ?? 0) + (extra.get(usageKeyString(k)) ?? 0)]),
      );
    },
    async add(entries) {
      for (const e of entries) extra.set(usageKeyString(e.key), (extra.get(usageKeyString(e.key)) ?? 0) + e.amount);
    },
  };
}
