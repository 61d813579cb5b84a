import 'server-only';
import type { Queryable } from '../db/queryable';
import type { Prisma } from '../generated/prisma/client';
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

/** A sending number as the API and the UI show it, with what it may send today. */
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
  };
}
export type SendingNumberView = ReturnType<typeof toSendingNumberView>;
