import 'server-only';
import type { Queryable } from '../../db/queryable';
import type { ConsentStatus } from '../../generated/prisma/enums';

export interface ClaimedJob {
  id: bigint;
  tenantId: string;
  campaignId: string;
  contactId: string;
  toE164: string;
  attempts: number;
  body: string | null;
  templateId: string | null;
  encoding: string | null;
  parts: number | null;
  costMicros: number | null;
  firstName: string | null;
  lastName: string | null;
  email: string | null;
  customFields: Record<string, unknown>;
  consentStatus: ConsentStatus;
  optedOutAt: Date | null;
  timeZone: string | null;
  state: string | null;
  postcode: string | null;
  onDnc: boolean;
  suppressedUntil: Date | null;
  suppressionReason: string | null;
}

// Due jobs in id order through the partial index on queued jobs, so jobs held for
// later (quiet hours, pauses) are never read; SKIP LOCKED lets concurrent drains
// take disjoint batches, and the locks last until the batch's decisions commit.
// The rows are claimed first and only then joined to their contacts, so each
// contact is one index probe whatever the size of the contact list.
const CLAIM = `
WITH claimed AS (
  SELECT id, "tenantId", "campaignId", "contactId", "toE164", attempts, body, "templateId", encoding, parts, "costMicros", "nextAttemptAt"
  FROM send_jobs
  WHERE state = 'QUEUED' AND "nextAttemptAt" <= $1::timestamp
  ORDER BY "nextAttemptAt", id
  LIMIT $2
  FOR UPDATE SKIP LOCKED
)
SELECT j.id, j."tenantId", j."campaignId", j."contactId", j."toE164", j.attempts, j.body, j."templateId", j.encoding, j.parts, j."costMicros",
       c."firstName", c."lastName", c.email, c."customFields", c."consentStatus", c."optedOutAt", c."timeZone", c.state, c.postcode,
       EXISTS (SELECT 1 FROM dnc_entries d WHERE d."tenantId" = j."tenantId" AND d."phoneE164" = j."toE164") AS "onDnc",
       s."expiresAt" AS "suppressedUntil", s.reason AS "suppressionReason"
FROM claimed j
JOIN contacts c ON c.id = j."contactId" AND c."tenantId" = j."tenantId"
LEFT JOIN LATERAL (
  SELECT x."expiresAt", x.reason FROM suppressions x
  WHERE x."tenantId" = j."tenantId" AND x."phoneE164" = j."toE164" AND x."expiresAt" > $1::timestamp
  ORDER BY x."expiresAt" DESC LIMIT 1
) s ON true
ORDER BY j."nextAttemptAt", j.id`;

export interface ClaimDueJobsOptions {
  now: Date;
  /** The batch size: at most this many jobs are claimed. */
  limit: number;
}

export async function claimDueJobs(tx: Queryable, options: ClaimDueJobsOptions): Promise<ClaimedJob[]> {
  const { rows } = await tx.query<Omit<ClaimedJob, 'id'> & { id: string }>(CLAIM, [
    options.now.toISOString(),
    options.limit,
  ]);
  return rows.map((r) => ({ ...r, id: BigInt(r.id) }));
}
