import 'server-only';
import { isUniqueViolation } from '../db/errors';
import type { Queryable } from '../db/queryable';
import type { InboundKeyword } from '../generated/prisma/enums';

export type RecordedReply =
  { outcome: 'stored'; helpReply: string | null } | { outcome: 'duplicate' } | { outcome: 'unknown-number' };

// A reply that changes no consent (an ordinary text or HELP) is the common case, and
// it needs no read before its writes: one statement finds the tenant owning the
// number, claims the MessageSid in webhook_events (the replay guard), stores the
// message against the contact when there is one and reads the help reply — one
// round trip, atomic like a transaction, instead of seven.
const RECORD = `
WITH sender AS (
  SELECT "tenantId" FROM sending_numbers WHERE value = $1 AND kind = 'LONG_CODE' LIMIT 1
), event AS (
  INSERT INTO webhook_events ("tenantId", kind, "eventKey", "messageSid", payload, "processedAt")
  SELECT "tenantId", 'INBOUND', 'inbound:' || $2, $2, $3::jsonb, now() FROM sender
  ON CONFLICT ("eventKey") DO NOTHING
  RETURNING "tenantId"
), message AS (
  INSERT INTO inbound_messages ("tenantId", "contactId", "fromE164", "toNumber", body, keyword, "possibleOptOut", "messageSid")
  SELECT event."tenantId", contact.id, $4, $1, $5, $6::"InboundKeyword", $7, $2
  FROM event LEFT JOIN contacts contact ON contact."tenantId" = event."tenantId" AND contact."phoneE164" = $4
  RETURNING "tenantId"
)
SELECT EXISTS (SELECT 1 FROM sender) AS known, message."tenantId" IS NOT NULL AS stored, settings."helpReply" AS "helpReply"
FROM (SELECT 1) AS one
LEFT JOIN message ON true
LEFT JOIN tenant_settings settings ON settings."tenantId" = message."tenantId"`;

export interface RecordInboundReplyOptions {
  to: string;
  messageSid: string;
  payload: Record<string, string>;
  fromE164: string;
  body: string;
  keyword: Extract<InboundKeyword, 'NONE' | 'HELP'>;
  /** An ordinary reply that may still be a request to stop, flagged for staff. */
  possibleOptOut: boolean;
}

/**
 * Stores an inbound text that is not an opt-out or opt-in, once per MessageSid.
 * `db` must read and write `timestamp` columns as UTC (lib/db/pg-pool does).
 */
export async function recordInboundReply(db: Queryable, reply: RecordInboundReplyOptions): Promise<RecordedReply> {
  try {
    const {
      rows: [row],
    } = await db.query<{ known: boolean; stored: boolean; helpReply: string | null }>(RECORD, [
      reply.to,
      reply.messageSid,
      JSON.stringify(reply.payload),
      reply.fromE164,
      reply.body,
      reply.keyword,
      reply.possibleOptOut,
    ]);
    if (!row.known) return { outcome: 'unknown-number' };
    return row.stored ? { outcome: 'stored', helpReply: row.helpReply } : { outcome: 'duplicate' };
  } catch (error) {
    // The message itself was stored under another event key: still a replay.
    if (isUniqueViolation(error)) return { outcome: 'duplicate' };
    throw error;
  }
}
