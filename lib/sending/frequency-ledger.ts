import 'server-only';
import type { Queryable } from '../db/queryable';

/** One person of one tenant, and from when their marketing messages count. */
export interface FrequencyKey {
  tenantId: string;
  phoneE164: string;
  since: Date;
}

/** A marketing message a person was handed lately. */
export interface RecentMessage {
  campaignName: string;
  at: Date;
}

export interface FrequencyLedger {
  /** Each person's marketing messages handed over since their key's time, oldest first, keyed by frequencyKeyString. */
  recent(keys: readonly FrequencyKey[]): Promise<Map<string, RecentMessage[]>>;
}

export function frequencyKeyString(tenantId: string, phoneE164: string): string {
  return `${tenantId}|${phoneE164}`;
}

// Campaign jobs the provider was handed (or is being handed): what a person has had.
// Test messages and conversation replies are not send jobs, so they never count.
const RECENT = `
SELECT x.t::text AS "tenantId", x.p AS phone, j."claimedAt" AS at, c.name AS "campaignName"
FROM unnest($1::uuid[], $2::text[], $3::timestamp[]) AS x(t, p, since)
JOIN send_jobs j ON j."tenantId" = x.t AND j."toE164" = x.p AND j."claimedAt" > x.since
JOIN campaigns c ON c.id = j."campaignId"
WHERE j.state IN ('SENDING', 'SENT', 'DELIVERED', 'UNDELIVERED')
ORDER BY j."claimedAt"`;

async function readRecent(db: Queryable, keys: readonly FrequencyKey[]): Promise<Map<string, RecentMessage[]>> {
  const recent = new Map<string, RecentMessage[]>();
  if (!keys.length) return recent;
  const { rows } = await db.query<{ tenantId: string; phone: string; at: Date; campaignName: string }>(RECENT, [
    keys.map((k) => k.tenantId),
    keys.map((k) => k.phoneE164),
    keys.map((k) => k.since.toISOString()),
  ]);
  for (const row of rows) {
    const key = frequencyKeyString(row.tenantId, row.phone);
    const list = recent.get(key) ?? [];
    list.push({ campaignName: row.campaignName, at: row.at });
    recent.set(key, list);
  }
  return recent;
}

/**
 * The ledger a real send uses, inside the claim transaction. Before reading, it
 * takes a transaction lock per person, in one order, so a second drain that has
 * the same person in its batch waits until this batch commits, and then reads
 * the job this one handed over: two drains never both let a message through
 * inside a person's window. Only people of workspaces with a cap are locked.
 */
export function lockedFrequencyLedger(tx: Queryable): FrequencyLedger {
  return {
    async recent(keys) {
      if (!keys.length) return new Map();
      await tx.query(
        `SELECT pg_advisory_xact_lock(k)
         FROM (SELECT DISTINCT hashtextextended('frequency-cap:' || x, 0) AS k FROM unnest($1::text[]) AS x ORDER BY k) AS locks`,
        [keys.map((k) => frequencyKeyString(k.tenantId, k.phoneE164))],
      );
      return readRecent(tx, keys);
    },
  };
}

/** For a dry run: what people really had lately, read without locks. */
export function readOnlyFrequencyLedger(db: Queryable): FrequencyLedger {
  return { recent: (keys) => readRecent(db, keys) };
}
