import 'server-only';
import type { Actor } from '../auth/actor';
import { pgPool } from '../db/pg-pool';
import {
  audienceCondition,
  sendabilitySql,
  type Audience,
  type ExclusionReason,
  type TargetAudience,
} from './audience';
import { resolveAudience } from './resolve-audience';

export interface AudienceSize {
  /** Contacts the audience selects. */
  total: number;
  /** Of those, contacts a message could go to today. */
  sendable: number;
  excluded: Record<ExclusionReason, number>;
}

export interface CountAudienceOptions {
  actor: Actor;
  /** A campaign's audience, or a segment definition being built (not saved yet). */
  audience: Audience | TargetAudience;
  now?: Date;
}

/**
 * How many contacts an audience reaches and why the rest would be left out, by
 * the same rules the launch uses to build the queue. One aggregate pass over the
 * tenant's contacts: a million rows are counted in the database, never fetched.
 */
export async function countAudience({
  actor,
  audience,
  now = new Date(),
}: CountAudienceOptions): Promise<AudienceSize> {
  const pool = pgPool();
  const target =
    audience.kind === 'segment'
      ? (await resolveAudience(pool, { tenantId: actor.tenantId, audience })).target
      : audience;
  const condition = audienceCondition(target, 3, now);
  const sendability = sendabilitySql('$2');
  const { rows } = await pool.query<Record<'total' | 'sendable' | ExclusionReason, string>>(
    `SELECT count(*) AS total,
            count(*) FILTER (WHERE reason IS NULL) AS sendable,
            count(*) FILTER (WHERE reason = 'opted_out') AS opted_out,
            count(*) FILTER (WHERE reason = 'invalid_number') AS invalid_number,
            count(*) FILTER (WHERE reason = 'no_consent') AS no_consent,
            count(*) FILTER (WHERE reason = 'suppressed') AS suppressed
     FROM (SELECT ${sendability.reason} AS reason FROM contacts c ${sendability.joins} WHERE ${condition.sql}) audience`,
    [actor.tenantId, now.toISOString(), ...condition.params],
  );
  const [row] = rows;
  return {
    total: Number(row.total),
    sendable: Number(row.sendable),
    excluded: {
      opted_out: Number(row.opted_out),
      invalid_number: Number(row.invalid_number),
      no_consent: Number(row.no_consent),
      suppressed: Number(row.suppressed),
    },
  };
}
