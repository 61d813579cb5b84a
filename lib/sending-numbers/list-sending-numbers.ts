import 'server-only';
import type { Actor } from '../auth/actor';
import { db } from '../db/client';
import { pgPool } from '../db/pg-pool';
import { SENDING_NUMBER_SELECT, tenantTimeZone, toSendingNumberView } from './sending-number-view';

export interface ListSendingNumbersOptions {
  actor: Actor;
  now?: Date;
}

/** The tenant's long codes and sender IDs, oldest first, each with today's warm-up limit. */
export async function listSendingNumbers({ actor, now = new Date() }: ListSendingNumbersOptions) {
  const [rows, timeZone] = await Promise.all([
    db().sendingNumber.findMany({
      where: { tenantId: actor.tenantId },
      orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
      select: SENDING_NUMBER_SELECT,
    }),
    tenantTimeZone(pgPool(), actor.tenantId),
  ]);
  return rows.map((row) => toSendingNumberView(row, { timeZone, now }));
}
