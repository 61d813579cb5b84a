import 'server-only';
import type { Actor } from '../auth/actor';
import { inTransaction } from '../db/transaction';
import { minutesToTime } from '../time/time-of-day';

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
}

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
      `SELECT paused, "pausedReason", "timeZone", "quietHoursStart", "quietHoursEnd", "tenantRatePerMinute",
              "numberRatePerMinute", "senderName", "optOutReply", "optInReply", "helpReply"
       FROM tenant_settings WHERE "tenantId" = $1::uuid`,
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
  };
}
export type TenantSettingsView = Awaited<ReturnType<typeof getTenantSettings>>;
