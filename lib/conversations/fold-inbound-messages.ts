import 'server-only';
import type { Queryable } from '../db/queryable';

// One statement, atomic on its own: takes the tenant's messages the webhook stored
// since the last fold (a partial index holds only those), upserts one conversation
// per long code and remote number, and marks the messages folded. SKIP LOCKED lets
// every open inbox fold at once without waiting on another; the upsert keeps the
// newest of each field, so the order folds run in never matters. A conversation's
// campaign is that of the last message sent to the number before the reply.
const FOLD = `
WITH pending AS (
  SELECT id, "fromE164", "toNumber", body, keyword, "possibleOptOut", "receivedAt"
  FROM inbound_messages
  WHERE "tenantId" = $1::uuid AND "conversationId" IS NULL
  ORDER BY id
  LIMIT $2
  FOR UPDATE SKIP LOCKED
), latest AS (
  SELECT DISTINCT ON ("toNumber", "fromE164") *
  FROM pending ORDER BY "toNumber", "fromE164", "receivedAt" DESC, id DESC
), flagged AS (
  SELECT "toNumber", "fromE164", max("receivedAt") FILTER (WHERE "possibleOptOut") AS at
  FROM pending GROUP BY "toNumber", "fromE164"
), folded AS (
  INSERT INTO conversations AS c ("tenantId", "numberValue", "remoteE164", "campaignId", "lastInboundId",
    "lastInboundAt", "lastInboundBody", "lastInboundKeyword", "lastActivityAt", "possibleOptOutAt")
  SELECT $1::uuid, l."toNumber", l."fromE164", attributed."campaignId", l.id, l."receivedAt", l.body, l.keyword,
    l."receivedAt", f.at
  FROM latest l
  JOIN flagged f ON f."toNumber" = l."toNumber" AND f."fromE164" = l."fromE164"
  LEFT JOIN contacts contact ON contact."tenantId" = $1::uuid AND contact."phoneE164" = l."fromE164"
  LEFT JOIN LATERAL (
    SELECT j."campaignId" FROM send_jobs j
    WHERE j."tenantId" = $1::uuid AND j."contactId" = contact.id AND j."sentAt" <= l."receivedAt"
    ORDER BY j."sentAt" DESC LIMIT 1
  ) attributed ON true
  ON CONFLICT ("tenantId", "numberValue", "remoteE164") DO UPDATE SET
    "campaignId" = CASE WHEN EXCLUDED."lastInboundAt" >= c."lastInboundAt"
      THEN COALESCE(EXCLUDED."campaignId", c."campaignId") ELSE c."campaignId" END,
    "lastInboundId" = CASE WHEN EXCLUDED."lastInboundAt" >= c."lastInboundAt" THEN EXCLUDED."lastInboundId" ELSE c."lastInboundId" END,
    "lastInboundBody" = CASE WHEN EXCLUDED."lastInboundAt" >= c."lastInboundAt" THEN EXCLUDED."lastInboundBody" ELSE c."lastInboundBody" END,
    "lastInboundKeyword" = CASE WHEN EXCLUDED."lastInboundAt" >= c."lastInboundAt" THEN EXCLUDED."lastInboundKeyword" ELSE c."lastInboundKeyword" END,
    "lastInboundAt" = GREATEST(c."lastInboundAt", EXCLUDED."lastInboundAt"),
    "lastActivityAt" = GREATEST(c."lastActivityAt", EXCLUDED."lastActivityAt"),
    "possibleOptOutAt" = GREATEST(c."possibleOptOutAt", EXCLUDED."possibleOptOutAt"),
    "updatedAt" = now()
  RETURNING c.id, c."numberValue", c."remoteE164"
)
UPDATE inbound_messages m SET "conversationId" = folded.id
FROM pending p JOIN folded ON folded."numberValue" = p."toNumber" AND folded."remoteE164" = p."fromE164"
WHERE m.id = p.id`;

const BATCH = 500;

export interface FoldInboundMessagesOptions {
  tenantId: string;
}

/**
 * Brings the tenant's conversations up to date with the replies the webhook stored
 * since the inbox was last read. Run before every inbox read; returns how many
 * messages it folded.
 */
export async function foldInboundMessages(db: Queryable, { tenantId }: FoldInboundMessagesOptions): Promise<number> {
  let total = 0;
  for (;;) {
    const { rowCount } = await db.query(FOLD, [tenantId, BATCH]);
    total += rowCount ?? 0;
    if ((rowCount ?? 0) < BATCH) return total;
  }
}
