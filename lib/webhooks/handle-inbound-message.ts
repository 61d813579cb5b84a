import { db } from '../db/client';
import { normalisePhone } from '../contacts/phone';
import { optInNumber } from '../contacts/opt-in';
import { optOutNumber } from '../contacts/opt-out';
import type { InboundKeyword } from '../generated/prisma/enums';
import { Prisma } from '../generated/prisma/client';
import { classifyKeyword } from './keywords';
import type { InboundMessage } from './schemas';

export interface InboundOutcome {
  /** The text to answer with, or null for no reply. */
  reply: string | null;
  keyword: InboundKeyword;
  duplicate: boolean;
}

const TWILIO_KEYWORD: Record<string, InboundKeyword> = { STOP: 'OPT_OUT', START: 'OPT_IN', HELP: 'HELP' };

/**
 * A text to one of a tenant's numbers. STOP and its synonyms put the sender on
 * DNC and skip their waiting jobs within this request; START re-subscribes; HELP
 * gets the help reply; anything else lands on the contact's timeline. Each
 * MessageSid is acted on once: a replayed webhook changes nothing.
 */
export async function handleInboundMessage(message: InboundMessage, payload: Record<string, string>): Promise<InboundOutcome> {
  const sender = await db().sendingNumber.findFirst({ where: { value: message.To, kind: 'LONG_CODE' }, select: { tenantId: true } });
  if (!sender) return { reply: null, keyword: 'NONE', duplicate: false };
  const { tenantId } = sender;
  const from = normalisePhone(message.From);
  const fromE164 = from.ok ? from.e164 : message.From;
  // Twilio's Advanced Opt-Out already answered the keyword; record it the same way, reply nothing.
  const keyword = message.OptOutType ? TWILIO_KEYWORD[message.OptOutType] : classifyKeyword(message.Body);

  try {
    return await db().$transaction(async (tx) => {
      await tx.webhookEvent.create({ data: { tenantId, kind: 'INBOUND', eventKey: `inbound:${message.MessageSid}`, messageSid: message.MessageSid, payload, processedAt: new Date() } });
      const settings = await tx.tenantSettings.findUnique({ where: { tenantId }, select: { optOutReply: true, optInReply: true, helpReply: true } });
      let contactId: string | null = null;
      let reply: string | null = null;
      if (keyword === 'OPT_OUT') {
        ({ contactId } = await optOutNumber(tx, { tenantId, phoneE164: fromE164, source: message.OptOutType ? 'ADVANCED_OPT_OUT' : 'STOP_REPLY', reason: `Replied "${message.Body.trim().slice(0, 40)}"` }));
        reply = settings?.optOutReply ?? null;
      } else if (keyword === 'OPT_IN') {
        ({ contactId } = await optInNumber(tx, { tenantId, phoneE164: fromE164, source: message.OptOutType ? 'advanced_opt_out' : 'start_reply' }));
        reply = settings?.optInReply ?? null;
      } else {
        contactId = (await tx.contact.findUnique({ where: { tenantId_phoneE164: { tenantId, phoneE164: fromE164 } }, select: { id: true } }))?.id ?? null;
        if (keyword === 'HELP') reply = settings?.helpReply ?? null;
      }
      await tx.inboundMessage.create({ data: { tenantId, contactId, fromE164, toNumber: message.To, body: message.Body, keyword, messageSid: message.MessageSid } });
      return { reply: message.OptOutType ? null : reply, keyword, duplicate: false };
    });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') return { reply: null, keyword, duplicate: true };
    throw error;
  }
}
