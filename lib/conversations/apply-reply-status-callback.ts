import 'server-only';
import type { DatabaseError } from 'pg';
import { optOutNumber } from '../contacts/opt-out';
import { normalisePhone } from '../contacts/phone';
import { inTransaction } from '../db/transaction';
import { STATE_FOR_TWILIO_STATUS, STATE_RANK, STATE_RANK_SQL } from '../providers/twilio-message-status';
import { explainTwilioError, meansOptedOut } from '../providers/twilio-errors';

const EVENT_KEY_CONSTRAINT = 'webhook_events_eventKey_key';

export type ReplyStatusOutcome = 'applied' | 'stale' | 'duplicate' | 'unknown-message' | 'ignored-status';

export interface ApplyReplyStatusCallbackOptions {
  callback: { MessageSid: string; MessageStatus: string; ErrorCode?: string; To?: string };
  payload: Record<string, string>;
  /** The status event's unique key, as the delivery-status webhook derives it from the signed fields. */
  eventKey: string;
  /** The reply our callback URL names (`?cr=`), signed along with the URL. */
  replyHint: bigint;
}

/**
 * Moves a staff reply along Twilio's statuses as a campaign message moves: once
 * per event, never backwards; error 21610 puts the number on the DNC list in the
 * same transaction. A callback that arrives before the send recorded the
 * provider's id finds the reply by the id its URL names, if the recipient matches.
 */
export async function applyReplyStatusCallback({
  callback,
  payload,
  eventKey,
  replyHint,
}: ApplyReplyStatusCallbackOptions): Promise<ReplyStatusOutcome> {
  const state = STATE_FOR_TWILIO_STATUS[callback.MessageStatus];
  const now = new Date().toISOString();
  try {
    return await inTransaction(async (tx) => {
      const { rows } = await tx.query<{ id: string; tenantId: string; providerMessageId: string | null; to: string }>(
        `SELECT r.id::text, r."tenantId", r."providerMessageId", c."remoteE164" AS "to"
         FROM conversation_replies r JOIN conversations c ON c.id = r."conversationId"
         WHERE r."providerMessageId" = $1 OR (r.id = $2::bigint AND r."providerMessageId" IS NULL)
         ORDER BY r."providerMessageId" IS NULL LIMIT 1`,
        [callback.MessageSid, replyHint.toString()],
      );
      let reply: (typeof rows)[number] | null = rows[0] ?? null;
      if (reply && !reply.providerMessageId) {
        const to = callback.To ? normalisePhone(callback.To) : null;
        if (!to?.ok || to.e164 !== reply.to) reply = null;
        else
          await tx.query(`UPDATE conversation_replies SET "providerMessageId" = $2 WHERE id = $1::bigint`, [
            reply.id,
            callback.MessageSid,
          ]);
      }
      await tx.query(
        `INSERT INTO webhook_events ("tenantId", kind, "eventKey", "messageSid", payload, "processedAt")
         VALUES ($1::uuid, 'STATUS', $2, $3, $4::jsonb, $5::timestamp)`,
        [reply?.tenantId ?? null, eventKey, callback.MessageSid, JSON.stringify(payload), now],
      );
      if (!reply) return 'unknown-message';
      if (!state) return 'ignored-status';
      const errorCode = callback.ErrorCode || null;
      const rank = STATE_RANK[state];
      const moved = await tx.query(
        `UPDATE conversation_replies SET state = $2::"SendJobState",
           "errorCode" = COALESCE($3, "errorCode"), "errorMessage" = COALESCE($4, "errorMessage"),
           "sentAt" = CASE WHEN $5 >= 2 THEN COALESCE("sentAt", $6::timestamp) ELSE "sentAt" END,
           "deliveredAt" = CASE WHEN $2 = 'DELIVERED' THEN $6::timestamp ELSE "deliveredAt" END,
           "finishedAt" = CASE WHEN $5 = 3 THEN $6::timestamp ELSE "finishedAt" END,
           "updatedAt" = $6::timestamp
         WHERE id = $1::bigint AND ${STATE_RANK_SQL} < $5`,
        [reply.id, state, errorCode, explainTwilioError(errorCode), rank, now],
      );
      if (meansOptedOut(errorCode)) {
        await optOutNumber(tx, {
          tenantId: reply.tenantId,
          phoneE164: reply.to,
          source: 'PROVIDER_OPTED_OUT',
          reason: 'Twilio error 21610: recipient opted out',
        });
      }
      return (moved.rowCount ?? 0) > 0 ? 'applied' : 'stale';
    });
  } catch (error) {
    if ((error as Partial<DatabaseError> | null)?.constraint === EVENT_KEY_CONSTRAINT) return 'duplicate';
    throw error;
  }
}
