import 'server-only';
import type { Queryable } from '../db/queryable';
import type { Prisma } from '../generated/prisma/client';
import { normalisePhone } from '../contacts/phone';
import { startOfNextLocalDay } from '../time/zoned-time';
import { warmUpDailyLimit } from './warm-up-curve';
import { TENANT_DEFAULTS } from '../tenants/tenant-defaults';

export const SENDING_NUMBER_SELECT = {
  id: true,
  value: true,
  kind: true,
  registered: true,
  messagingServiceSid: true,
  warmupStartedAt: true,
  dailyCap: true,
  active: true,
  createdAt: true,
} satisfies Prisma.SendingNumberSelect;

/** The same columns as `SENDING_NUMBER_SELECT`, for SQL that reads or returns a sending number. */
export const SENDING_NUMBER_COLUMNS =
  'id, value, kind, registered, "messagingServiceSid", "warmupStartedAt", "dailyCap", active, "createdAt"';

export type SendingNumberRow = Prisma.SendingNumberGetPayload<{ select: typeof SENDING_NUMBER_SELECT }>;

/** Warm-up days are the tenant's calendar days, so the limit needs its time zone. */
export async function tenantTimeZone(db: Queryable, tenantId: string): Promise<string> {
  const { rows } = await db.query<{ timeZone: string }>(
    `SELECT "timeZone" FROM tenant_settings WHERE "tenantId" = $1::uuid`,
    [tenantId],
  );
  return rows[0]?.timeZone ?? TENANT_DEFAULTS.timeZone;
}

export interface ToSendingNumberViewOptions {
  timeZone: string;
  now: Date;
}

const COUNTRY_NAMES = new Intl.DisplayNames(['en-AU'], { type: 'region' });

/** What staff should know about where a long code is from: nothing for an Australian mobile. */
function originNotice(row: Pick<SendingNumberRow, 'kind' | 'value'>): string | null {
  if (row.kind !== 'LONG_CODE') return null;
  const phone = normalisePhone(row.value);
  if (!phone.ok || phone.country === 'AU') return null;
  return `A ${COUNTRY_NAMES.of(phone.country) ?? phone.country} number: Australian phones receive its texts as international messages, and a customer who replies pays international rates. An Australian mobile number is usual.`;
}

/** A sending number as the API and the UI show it, with what it may send today and tomorrow. */
export function toSendingNumberView(row: SendingNumberRow, { timeZone, now }: ToSendingNumberViewOptions) {
  return {
    id: row.id,
    value: row.value,
    kind: row.kind,
    registered: row.registered,
    messagingServiceSid: row.messagingServiceSid,
    dailyCap: row.dailyCap,
    active: row.active,
    warmupStartedAt: row.warmupStartedAt.toISOString(),
    createdAt: row.createdAt.toISOString(),
    today: warmUpDailyLimit({ warmupStartedAt: row.warmupStartedAt, dailyCap: row.dailyCap, now, timeZone }),
    tomorrow: warmUpDailyLimit({
      warmupStartedAt: row.warmupStartedAt,
      dailyCap: row.dailyCap,
      // The last moment of tomorrow, so a warm-up that starts during tomorrow counts it as its first day.
      now: new Date(startOfNextLocalDay(startOfNextLocalDay(now, timeZone), timeZone).getTime() - 1),
      timeZone,
    }),
    notice: originNotice(row),
  };
}
export type SendingNumberView = ReturnType<typeof toSendingNumberView>;
