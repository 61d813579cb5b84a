import { z } from 'zod';

/** Who a campaign goes to: everyone, the contacts of one import, or a filter on consent and tags. */
export const AudienceSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('all') }),
  z.object({ kind: z.literal('batch'), batchId: z.string().uuid('Choose an import.') }),
  z.object({
    kind: z.literal('filter'),
    consent: z.array(z.enum(['EXPLICIT', 'IMPLIED'])).min(1, 'Choose at least one kind of consent.'),
    tagsAny: z.array(z.string().trim().min(1).max(60)).max(20, 'Use at most 20 tags.').default([]),
  }),
]);
export type Audience = z.infer<typeof AudienceSchema>;

/**
 * The SQL condition on contacts `c` for an audience. Parameters are numbered from
 * `first`; $1 must be the tenant id, so every audience is scoped to its tenant.
 */
export function audienceCondition(audience: Audience, first: number): { sql: string; params: unknown[] } {
  switch (audience.kind) {
    case 'all':
      return { sql: 'c."tenantId" = $1::uuid', params: [] };
    case 'batch':
      return {
        sql: `c."tenantId" = $1::uuid AND EXISTS (SELECT 1 FROM contact_imports ci WHERE ci."contactId" = c.id AND ci."tenantId" = $1::uuid AND ci."batchId" = $${first}::uuid)`,
        params: [audience.batchId],
      };
    case 'filter':
      return {
        sql: `c."tenantId" = $1::uuid AND c."consentStatus"::text = ANY($${first}::text[]) AND (cardinality($${first + 1}::text[]) = 0 OR c.tags && $${first + 1}::text[])`,
        params: [audience.consent, audience.tagsAny],
      };
  }
}

/**
 * Why a contact of the audience cannot be messaged at all, or NULL. The same
 * reasons the gates give at send time, checked here so the queue holds only
 * contacts who can be sent to. `$now` is the parameter holding the current time.
 */
export function exclusionReasonSql(now: string): string {
  return `CASE
    WHEN c."optedOutAt" IS NOT NULL OR EXISTS (SELECT 1 FROM dnc_entries d WHERE d."tenantId" = c."tenantId" AND d."phoneE164" = c."phoneE164") THEN 'opted_out'
    WHEN c."phoneE164" !~ '^\\+[1-9][0-9]{7,14}$' OR (c."phoneE164" ~ '^\\+61' AND c."phoneE164" !~ '^\\+614[0-9]{8}$') THEN 'invalid_number'
    WHEN c."consentStatus" = 'UNKNOWN' THEN 'no_consent'
    WHEN EXISTS (SELECT 1 FROM suppressions s WHERE s."tenantId" = c."tenantId" AND s."phoneE164" = c."phoneE164" AND s."expiresAt" > ${now}::timestamp) THEN 'suppressed'
  END`;
}

export type ExclusionReason = 'opted_out' | 'invalid_number' | 'no_consent' | 'suppressed';

export const EXCLUSION_LABELS: Record<ExclusionReason, string> = {
  opted_out: 'opted out or on the do-not-contact list',
  invalid_number: 'not a valid mobile number',
  no_consent: 'no consent on record',
  suppressed: 'suppressed (recently bounced or complained)',
};
