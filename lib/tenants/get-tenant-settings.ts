import 'server-only';
import type { Actor } from '../auth/actor';
import { inTransaction } from '../db/transaction';
import { minutesToTime } from '../time/time-of-day';
import { defaultJoinReply } from './join-keyword';

interface TenantSettingsRow {
  paused: boolean;
  pausedReason: string | null;
  timeZone: string;
  quietHoursStart: number;
  quietHoursEnd: number;
  tenantRatePerMinute: number;
  numberRatePerMinute: number;
  senderName: string;
  optOutReply: string;
  optInReply: string;
  helpReply: string;
  frequencyCapMessages: number | null;
  frequencyCapHours: number | null;
  joinKeyword: string | null;
  joinReply: string;
  businessName: string;
}

/** The form's suggestion for a workspace that has no cap yet: about one message per 12 hours. */
const SUGGESTED_WINDOW = { window: 12, unit: 'hours' as const };

export interface GetTenantSettingsOptions {
  actor: Actor;
}

/** The workspace's settings; a workspace without a settings row gets one with the defaults. */
export async function getTenantSettings({ actor }: GetTenantSettingsOptions) {
  const s = await inTransaction(async (tx) => {
    await tx.query(`INSERT INTO tenant_settings ("tenantId") VALUES ($1::uuid) ON CONFLICT ("tenantId") DO NOTHING`, [
      actor.tenantId,
    ]);
    const { rows } = await tx.query<TenantSettingsRow>(
      `SELECT s.paused, s."pausedReason", s."timeZone", s."quietHoursStart", s."quietHoursEnd", s."tenantRatePerMinute",
              s."numberRatePerMinute", s."senderName", s."optOutReply", s."optInReply", s."helpReply",
              s."frequencyCapMessages", s."frequencyCapHours", s."joinKeyword", s."joinReply",
              COALESCE(NULLIF(btrim(s."senderName"), ''), t.name) AS "businessName"
       FROM tenant_settings s JOIN tenants t ON t.id = s."tenantId" WHERE s."tenantId" = $1::uuid`,
      [actor.tenantId],
    );
    return rows[0];
  });
  return {
    paused: s.paused,
    pausedReason: s.pausedReason,
    timeZone: s.timeZone,
    quietHoursStart: minutesToTime(s.quietHoursStart),
    quietHoursEnd: minutesToTime(s.quietHoursEnd),
    tenantRatePerMinute: s.tenantRatePerMinute,
    numberRatePerMinute: s.numberRatePerMinute,
    senderName: s.senderName,
    optOutReply: s.optOutReply,
    optInReply: s.optInReply,
    helpReply: s.helpReply,
    frequencyCapMessages: s.frequencyCapMessages,
    ...(s.frequencyCapHours === null
      ? { frequencyCapWindow: SUGGESTED_WINDOW.window, frequencyCapUnit: SUGGESTED_WINDOW.unit }
      : s.frequencyCapHours % 24 === 0
        ? { frequencyCapWindow: s.frequencyCapHours / 24, frequencyCapUnit: 'days' as const }
        : { frequencyCapWindow: s.frequencyCapHours, frequencyCapUnit: 'hours' as const }),
    joinKeyword: s.joinKeyword ?? '',
    joinReply: s.joinReply,
    /** What a blank join reply answers with. */
    defaultJoinReply: defaultJoinReply(s.businessName),
  };
}
export type TenantSettingsView = Awaited<ReturnType<typeof getTenantSettings>>;
