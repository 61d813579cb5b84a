import 'server-only';
import type { Actor } from '../auth/actor';
import { db } from '../db/client';

/** Whether an admin has stopped all sending for the actor's workspace, why and since when. */
export interface GetKillSwitchOptions {
  actor: Actor;
}

export async function getKillSwitch({ actor }: GetKillSwitchOptions) {
  const settings = await db().tenantSettings.findUnique({
    where: { tenantId: actor.tenantId },
    select: { paused: true, pausedReason: true, pausedAt: true },
  });
  return {
    paused: settings?.paused ?? false,
    pausedReason: settings?.pausedReason ?? null,
    pausedAt: settings?.pausedAt?.toISOString() ?? null,
  };
}
export type KillSwitchView = Awaited<ReturnType<typeof getKillSwitch>>;
