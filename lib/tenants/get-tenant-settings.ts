import type { Actor } from '../auth/actor';
import { db } from '../db/client';
import { minutesToTime } from '../time/time-of-day';

export async function getTenantSettings({ actor }: { actor: Actor }) {
  const s = await db().tenantSettings.upsert({
    where: { tenantId: actor.tenantId },
    create: { tenantId: actor.tenantId },
    update: {},
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
