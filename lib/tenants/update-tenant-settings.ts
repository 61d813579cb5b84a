import type { Actor } from '../auth/actor';
import { writeAudit } from '../auth/audit';
import { db } from '../db/client';
import { getTenantSettings } from './get-tenant-settings';
import type { UpdateTenantSettingsInput } from './schemas';

export async function updateTenantSettings({ actor, input }: { actor: Actor; input: UpdateTenantSettingsInput }) {
  await db().$transaction(async (tx) => {
    await tx.tenantSettings.upsert({
      where: { tenantId: actor.tenantId },
      create: { tenantId: actor.tenantId, ...input },
      update: input,
    });
    await writeAudit(tx, {
      tenantId: actor.tenantId,
      actorUserId: actor.userId,
      action: 'settings.updated',
      entityType: 'tenant_settings',
      entityId: actor.tenantId,
      details: input,
    });
  });
  return getTenantSettings({ actor });
}
