import 'server-only';
import type { Actor } from '../auth/actor';
import { db } from '../db/client';
import { TENANT_DEFAULTS } from './tenant-defaults';

export interface GetWorkspaceTimeZoneOptions {
  actor: Actor;
}

/** The IANA zone every time in the workspace is shown in. */
export async function getWorkspaceTimeZone({ actor }: GetWorkspaceTimeZoneOptions): Promise<string> {
  const settings = await db().tenantSettings.findUnique({
    where: { tenantId: actor.tenantId },
    select: { timeZone: true },
  });
  return settings?.timeZone ?? TENANT_DEFAULTS.timeZone;
}
