import 'server-only';
import { db } from '../db/client';
import { pgPool } from '../db/pg-pool';
import { isUniqueViolation } from '../db/errors';
import { inTransaction, type Tx } from '../db/transaction';
import { normalisePhone } from '../contacts/phone';
import { optInNumber } from '../contacts/opt-in';
import { optInByKeyword } from '../contacts/opt-in-by-keyword';
import { optOutNumber } from '../contacts/opt-out';
import type { InboundKeyword } from '../generated/prisma/enums';
import { joinReplyText } from '../tenants/join-keyword';
import { classifyKeyword, singleWord } from './keywords';
import { isPossibleOptOut } from './possible-opt-out';
import { recordInboundReply } from './record-inbound-reply';
import type { InboundMessage } from './schemas';

export interface InboundOutcome {
  /** The text to answer with, or null for no reply. */
  reply: string | null;
  keyword: InboundKeyword;
  duplicate: boolean;
}

export interface HandleInboundMessageOptions {
  message: InboundMessage;
  /** Every field Twilio posted, kept with the event. */
  payload: Record<string, string>;
}

const TWILIO_KEYWORD: Record<string, InboundKeyword> = { STOP: 'OPT_OUT', START: 'OPT_IN', HELP: 'HELP' };

interface JoinSetup {
  tenantId: string;
  joinKeyword: string | null;
  joinReply: string;
  businessName: string;
}

/** The tenant owning the number, with its join keyword: read only for one-word texts, which may be that keyword. */
async function repliesOf(tx: Tx, tenantId: string) {
  const { rows } = await tx.query<{ optOutReply: string | null; optInReply: string | null }>(
    `SELECT "optOutReply", "optInReply" FROM tenant_settings WHERE "tenantId" = $1::uuid`,
    [tenantId],
  );
  return rows[0];
}

async function findJoinSetup(toNumber: string): Promise<JoinSetup | null> {
  const { rows } = await pgPool().query<JoinSetup>(
    `SELECT n."tenantId", s."joinKeyword", COALESCE(s."joinReply", '') AS "joinReply",
            COALESCE(NULLIF(btrim(s."senderName"), ''), t.name) AS "businessName"
     FROM sending_numbers n JOIN tenants t ON t.id = n."tenantId"
     LEFT JOIN tenant_settings s ON s."tenantId" = n."tenantId"
     WHERE n.value = $1 AND n.kind = 'LONG_CODE' LIMIT 1`,
    [toNumber],
  );
  return rows[0] ?? null;
}

/**
 * A text to one of a tenant's numbers. STOP and its synonyms put the sender on
 * DNC and skip their waiting jobs within this request; START re-subscribes; the
 * tenant's join keyword subscribes the sender (a new contact if need be) with the
 * message as consent proof and answers with the join confirmation; HELP gets the
 * help reply; anything else lands on the contact's timeline. Only a one-word text
 * costs a read of the join keyword before it is stored. Each
 * MessageSid is acted on once: a replayed webhook changes nothing. Texts that
 * change no consent, nearly all of them, are stored in one statement. The number's
 * owner is read with every message, never cached, so a number moved to another
 * tenant or removed is followed at once; a deactivated one still routes, because a
 * STOP in reply to an old message must still count.
 */
export async function handleInboundMessage({ message, payload }: HandleInboundMessageOptions): Promise<InboundOutcome> {
  const from = normalisePhone(message.From);
  const fromE164 = from.ok ? from.e164 : message.From;
  // Twilio's Advanced Opt-Out already answered the keyword; record it the same way, reply nothing.
  let keyword = message.OptOutType ? TWILIO_KEYWORD[message.OptOutType] : classifyKeyword(message.Body);
  const word = keyword === 'NONE' && !message.OptOutType ? singleWord(message.Body) : null;
  const join = word ? await findJoinSetup(message.To) : null;
  if (from.ok && join && join.joinKeyword === word) keyword = 'JOIN';

  if (keyword === 'NONE' || keyword === 'HELP') {
    const recorded = await recordInboundReply(pgPool(), {
      to: message.To,
      messageSid: message.MessageSid,
      payload,
      fromE164,
      body: message.Body,
      keyword,
      possibleOptOut: keyword === 'NONE' && isPossibleOptOut(message.Body),
    });
    if (recorded.outcome === 'unknown-number') return { reply: null, keyword: 'NONE', duplicate: false };
    if (recorded.outcome === 'duplicate') return { reply: null, keyword, duplicate: true };
    return { reply: keyword === 'HELP' && !message.OptOutType ? recorded.helpReply : null, keyword, duplicate: false };
  }

  const sender =
    join ??
    (await db().sendingNumber.findFirst({
      where: { value: message.To, kind: 'LONG_CODE' },
      select: { tenantId: true },
    }));
  if (!sender) return { reply: null, keyword: 'NONE', duplicate: false };
  const { tenantId } = sender;
  try {
    return await inTransaction(async (tx) => {
      await tx.query(
        `INSERT INTO webhook_events ("tenantId", kind, "eventKey", "messageSid", payload, "processedAt")
         VALUES ($1::uuid, 'INBOUND', $2, $3, $4::jsonb, now())`,
        [tenantId, `inbound:${message.MessageSid}`, message.MessageSid, JSON.stringify(payload)],
      );
      let contactId: string | null;
      let reply: string | null;
      if (join && keyword === 'JOIN') {
        ({ contactId } = await optInByKeyword(tx, {
          tenantId,
          phoneE164: fromE164,
          body: message.Body,
          toNumber: message.To,
          messageSid: message.MessageSid,
          receivedAt: new Date(),
        }));
        reply = joinReplyText(join.joinReply, join.businessName);
      } else if (keyword === 'OPT_OUT') {
        const settings = await repliesOf(tx, tenantId);
        ({ contactId } = await optOutNumber(tx, {
          tenantId,
          phoneE164: fromE164,
          source: message.OptOutType ? 'ADVANCED_OPT_OUT' : 'STOP_REPLY',
          reason: `Replied "${message.Body.trim().slice(0, 40)}"`,
        }));
        reply = settings?.optOutReply ?? null;
      } else {
        const settings = await repliesOf(tx, tenantId);
        ({ contactId } = await optInNumber(tx, {
          tenantId,
          phoneE164: fromE164,
          source: message.OptOutType ? 'advanced_opt_out' : 'start_reply',
        }));
        reply = settings?.optInReply ?? null;
      }
      await tx.query(
        `INSERT INTO inbound_messages ("tenantId", "contactId", "fromE164", "toNumber", body, keyword, "messageSid")
         VALUES ($1::uuid, $2::uuid, $3, $4, $5, $6::"InboundKeyword", $7)`,
        [tenantId, contactId, fromE164, message.To, message.Body, keyword, message.MessageSid],
      );
      return { reply: message.OptOutType ? null : reply, keyword, duplicate: false };
    });
  } catch (error) {
    if (isUniqueViolation(error)) return { reply: null, keyword, duplicate: true };
    throw error;
  }
}
