import 'server-only';
import { ALL_AUSTRALIAN_ZONES, contactTimeZone } from '../contacts/contact-time-zone';
import type { Queryable } from '../db/queryable';
import { AppError } from '../errors';
import { countSmsParts } from '../messages/sms-parts';
import { quietHoursUntil } from '../sending/quiet-hours-until';
import { TENANT_DEFAULTS } from '../tenants/tenant-defaults';
import { minutesToTime } from '../time/time-of-day';
import { CONVERSATION_NOT_FOUND } from './conversation-query';

/** A conversation reply is a conversation, not marketing, while the person wrote within this window. */
export const CONVERSATION_WINDOW_MS = 24 * 60 * 60 * 1000;

export interface ReplyAssessment {
  conversationId: string;
  to: string;
  from: string;
  messagingServiceSid: string | null;
  encoding: 'GSM-7' | 'UCS-2';
  parts: number;
  costMicros: number;
  /** Null when the reply may be sent (now or later), else why it never may, in words staff understand. */
  refusal: string | null;
  /** Whether the refusal can pass (the kill switch is lifted) or never will for this reply. */
  refusalLasts: boolean;
  /** Why quiet hours hold the reply until `allowedFrom`, or null when it may go now. */
  holdReason: string | null;
  /** When quiet hours hold the reply, the first moment it may go. */
  allowedFrom: Date | null;
  timeZone: string;
  dailyBudgetMicros: number | null;
  monthlyBudgetMicros: number | null;
}

export interface AssessReplyOptions {
  tenantId: string;
  conversationId: string;
  body: string;
  now: Date;
}

/**
 * Everything that decides whether a staff reply may go now, and what it costs: the
 * kill switch, the DNC list, the number still being the workspace's, and quiet
 * hours — which hold a reply (it goes when they end) only when the person's last
 * message is more than 24 hours old. Budgets are checked when the reply is charged, under the counter lock.
 */
export async function assessReply(
  db: Queryable,
  { tenantId, conversationId, body, now }: AssessReplyOptions,
): Promise<ReplyAssessment> {
  const { rows } = await db.query<{
    remoteE164: string;
    numberValue: string;
    lastInboundAt: Date;
    numberFound: boolean;
    messagingServiceSid: string | null;
    paused: boolean | null;
    pausedReason: string | null;
    timeZone: string | null;
    quietHoursStart: number | null;
    quietHoursEnd: number | null;
    pricePerPartMicros: number | null;
    dncSource: string | null;
    dncReason: string | null;
    contactZone: string | null;
    state: string | null;
    postcode: string | null;
    daily: string | null;
    monthly: string | null;
  }>(
    `SELECT c."remoteE164", c."numberValue", c."lastInboundAt", n.id IS NOT NULL AS "numberFound", n."messagingServiceSid",
       s.paused, s."pausedReason", s."timeZone", s."quietHoursStart", s."quietHoursEnd", s."pricePerPartMicros",
       dnc.source AS "dncSource", dnc.reason AS "dncReason",
       contact."timeZone" AS "contactZone", contact.state, contact.postcode,
       (SELECT "capMicros" FROM budgets b WHERE b."tenantId" = c."tenantId" AND b.period = 'DAILY') AS daily,
       (SELECT "capMicros" FROM budgets b WHERE b."tenantId" = c."tenantId" AND b.period = 'MONTHLY') AS monthly
     FROM conversations c
     LEFT JOIN sending_numbers n ON n."tenantId" = c."tenantId" AND n.value = c."numberValue" AND n.kind = 'LONG_CODE'
     LEFT JOIN tenant_settings s ON s."tenantId" = c."tenantId"
     LEFT JOIN dnc_entries dnc ON dnc."tenantId" = c."tenantId" AND dnc."phoneE164" = c."remoteE164"
     LEFT JOIN contacts contact ON contact."tenantId" = c."tenantId" AND contact."phoneE164" = c."remoteE164"
     WHERE c."tenantId" = $1::uuid AND c.id = $2::uuid`,
    [tenantId, conversationId],
  );
  const row = rows[0];
  if (!row) throw new AppError('not_found', CONVERSATION_NOT_FOUND);
  const timeZone = row.timeZone ?? TENANT_DEFAULTS.timeZone;
  const hours = {
    start: row.quietHoursStart ?? TENANT_DEFAULTS.quietHoursStart,
    end: row.quietHoursEnd ?? TENANT_DEFAULTS.quietHoursEnd,
  };
  const count = countSmsParts(body);
  const costMicros = count.parts * (row.pricePerPartMicros ?? TENANT_DEFAULTS.pricePerPartMicros);

  let refusal: string | null = null;
  let refusalLasts = true;
  let holdReason: string | null = null;
  let allowedFrom: Date | null = null;
  if (row.paused) {
    refusalLasts = false;
    refusal = `Sending is stopped for the whole workspace${row.pausedReason ? `: ${row.pausedReason.replace(/[.!]+$/, '')}` : ''}, so no reply can go.`;
  } else if (row.dncSource) {
    refusal = `${row.remoteE164} is on the do-not-contact list (${row.dncSource.toLowerCase().replace(/_/g, ' ')}${row.dncReason ? `: ${row.dncReason}` : ''}), so no reply can go to it.`;
  } else if (!row.numberFound) {
    refusal = `${row.numberValue} is no longer one of this workspace's long codes, so no reply can go from it.`;
  } else if (now.getTime() - row.lastInboundAt.getTime() > CONVERSATION_WINDOW_MS) {
    const zone = contactTimeZone(
      { timeZone: row.contactZone, state: row.state, postcode: row.postcode, phoneE164: row.remoteE164 },
      timeZone,
    );
    const zones = zone ? [zone] : [...ALL_AUSTRALIAN_ZONES];
    allowedFrom = quietHoursUntil(now, zones, hours);
    if (allowedFrom) {
      const where = zone ?? 'part of Australia (where they are is not known)';
      holdReason = `It is quiet hours (${minutesToTime(hours.start)}–${minutesToTime(hours.end)}) in ${where}, and the person last wrote more than 24 hours ago, so this is no longer an answer to a message of theirs: it is held until quiet hours end.`;
    }
  }
  return {
    conversationId,
    to: row.remoteE164,
    from: row.numberValue,
    messagingServiceSid: row.messagingServiceSid,
    encoding: count.encoding,
    parts: count.parts,
    costMicros,
    refusal,
    refusalLasts,
    holdReason,
    allowedFrom,
    timeZone,
    dailyBudgetMicros: row.daily === null ? null : Number(row.daily),
    monthlyBudgetMicros: row.monthly === null ? null : Number(row.monthly),
  };
}
