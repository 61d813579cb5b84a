import { z } from 'zod';
import { segmentCondition } from '../segments/segment-condition';
import type { SegmentDefinition } from '../segments/segment-definition';

/** Who a campaign goes to: everyone, the contacts of one import, a filter on consent and tags, or a saved segment. */
export const AudienceSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('all') }),
  z.object({ kind: z.literal('batch'), batchId: z.string().uuid('Choose an import.') }),
  z.object({
    kind: z.literal('filter'),
    consent: z.array(z.enum(['EXPLICIT', 'IMPLIED'])).min(1, 'Choose at least one kind of consent.'),
    tagsAny: z.array(z.string().trim().min(1).max(60)).max(20, 'Use at most 20 tags.').default([]),
  }),
  z.object({ kind: z.literal('segment'), segmentId: z.uuid('Choose a segment.') }),
]);
export type Audience = z.infer<typeof AudienceSchema>;

/**
 * An audience ready to evaluate: a saved segment is replaced by the definition it
 * had when it was read (see resolveAudience), so what is counted, dry-run and
 * queued is exactly the definition the campaign records.
 */
export type TargetAudience =
  Exclude<Audience, { kind: 'segment' }> | { kind: 'definition'; definition: SegmentDefinition };

/**
 * The SQL condition on contacts `c` for an audience. Parameters are numbered from
 * `first`; $1 must be the tenant id, so every audience is scoped to its tenant.
 * `now` anchors a segment's windows ("clicked in the last 30 days").
 */
export function audienceCondition(
  audience: TargetAudience,
  first: number,
  now: Date,
): { sql: string; params: unknown[] } {
  switch (audience.kind) {
    case 'definition':
      return segmentCondition({ definition: audience.definition, first, now });
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
 * Why a contact of the audience cannot be messaged at all (or NULL): the reasons
 * the gates give at send time, checked up front so the queue holds only contacts
 * who can be sent to. Shaped for a million contacts: the DNC list and live
 * suppressions are joined once (hash joins) rather than probed per contact, and
 * the number check uses plain string functions, since contacts are stored
 * normalised and this only guards against anything else. `$1` is the tenant id
 * and `now` the parameter holding the current time.
 */
export function sendabilitySql(now: string): { joins: string; reason: string } {
  return {
    joins: `LEFT JOIN dnc_entries d ON d."tenantId" = $1::uuid AND d."phoneE164" = c."phoneE164"
      LEFT JOIN (SELECT DISTINCT x."phoneE164" FROM suppressions x WHERE x."tenantId" = $1::uuid AND x."expiresAt" > ${now}::timestamp) s ON s."phoneE164" = c."phoneE164"`,
    reason: `CASE
      WHEN c."optedOutAt" IS NOT NULL OR d."phoneE164" IS NOT NULL THEN 'opted_out'
      WHEN left(c."phoneE164", 1) <> '+' OR length(c."phoneE164") NOT BETWEEN 9 AND 16
        OR (left(c."phoneE164", 3) = '+61' AND (length(c."phoneE164") <> 12 OR substr(c."phoneE164", 4, 1) <> '4')) THEN 'invalid_number'
      WHEN c."consentStatus" = 'UNKNOWN' THEN 'no_consent'
      WHEN s."phoneE164" IS NOT NULL THEN 'suppressed'
    END`,
  };
}

export type ExclusionReason = 'opted_out' | 'invalid_number' | 'no_consent' | 'suppressed';

export const EXCLUSION_LABELS: Record<ExclusionReason, string> = {
  opted_out: 'opted out or on the do-not-contact list',
  invalid_number: 'not a valid mobile number',
  no_consent: 'no consent on record',
  suppressed: 'suppressed (recently bounced or complained)',
};
