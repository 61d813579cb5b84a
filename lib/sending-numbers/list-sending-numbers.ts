import type { Actor } from '../auth/actor';
import { db } from '../db/client';
import { SENDING_NUMBER_SELECT, tenantTimeZone, toSendingNumberView } from './sending-number-view';

/** The tenant's long codes and sender IDs, oldest first, each with today's warm-up limit. */
export async function listSendingNumbers({ actor, now = new Date() }: { actor: Actor; now?: Date }) {
  const [rows, timeZone] = await Promise.all([
    db().sendingNumber.findMany({
      where: { tenantId: actor.tenantId },
      orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
      select: SENDING_NUMBER_SELECT,
    }),
    tenantTimeZone(db(), actor.tenantId),
  ]);
  return rows.map((row) => toSendingNumberView(row, { timeZone, now }));
}
