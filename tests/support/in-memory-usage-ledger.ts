import { usageKeyString, type UsageKey, type UsageLedger } from '@/lib/sending/usage-ledger';

export interface InMemoryUsageLedger extends UsageLedger {
  /** What a period has used so far: what it started with plus everything added. */
  used(key: UsageKey): number;
}

/**
 * A usage ledger that lives in memory, for unit tests of the gates: it starts from
 * the usage given (what earlier sends used today) and counts what the gates charge.
 */
export function inMemoryUsageLedger(initial: readonly { key: UsageKey; amount: number }[] = []): InMemoryUsageLedger {
  const counters = new Map<string, number>();
  const add = (entries: readonly { key: UsageKey; amount: number }[]) => {
    for (const { key, amount } of entries)
      counters.set(usageKeyString(key), (counters.get(usageKeyString(key)) ?? 0) + amount);
  };
  add(initial);
  return {
    async read(keys) {
      return new Map(keys.map((key) => [usageKeyString(key), counters.get(usageKeyString(key)) ?? 0]));
    },
    async add(entries) {
      add(entries);
    },
    used: (key) => counters.get(usageKeyString(key)) ?? 0,
  };
}
