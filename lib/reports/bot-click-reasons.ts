import 'server-only';
import type { Actor } from '../auth/actor';
import { db } from '../db/client';

export interface BotClickReasonsOptions {
  actor: Actor;
}

/** Why clicks were not counted as people, per reason, so staff can see what was filtered and trust the rest. */
export async function botClickReasons({ actor }: BotClickReasonsOptions) {
  const rows = await db().click.groupBy({
    by: ['botReason'],
    where: { tenantId: actor.tenantId, isBot: true },
    _count: { _all: true },
    orderBy: { _count: { botReason: 'desc' } },
  });
  return rows.map((r) => ({ reason: r.botReason ?? 'unknown', count: r._count._all }));
}
