import 'server-only';
import type { Actor } from '../auth/actor';
import { writeAudit } from '../auth/audit';
import { inTransaction } from '../db/transaction';
import { releaseHeldJobs } from './release-held-jobs';
import type { KillSwitchInput } from '../tenants/schemas';

/**
 * The workspace's emergency stop. On, the pause gate holds every job from the
 * next drain batch on; off, the held jobs of running campaigns go back in line.
 */
export interface SetKillSwitchOptions {
  actor: Actor;
  input: KillSwitchInput;
  now?: Date;
}

export async function setKillSwitch({ actor, input, now = new Date() }: SetKillSwitchOptions) {
  return inTransaction(async (tx) => {
    const reason = input.paused ? input.reason?.trim() || `Stopped by ${actor.name ?? actor.email}` : null;
    await tx.query(
      `INSERT INTO tenant_settings ("tenantId", paused, "pausedReason", "pausedAt", "pausedById", "updatedAt") VALUES ($1::uuid, $2, $3, $4::timestamp, $5::uuid, $6::timestamp)
       ON CONFLICT ("tenantId") DO UPDATE SET paused = EXCLUDED.paused, "pausedReason" = EXCLUDED."pausedReason", "pausedAt" = EXCLUDED."pausedAt", "pausedById" = EXCLUDED."pausedById", "updatedAt" = EXCLUDED."updatedAt"`,
      [
        actor.tenantId,
        input.paused,
        reason,
        input.paused ? now.toISOString() : null,
        input.paused ? actor.userId : null,
        now.toISOString(),
      ],
    );
    const released = input.paused ? 0 : await releaseHeldJobs(tx, { tenantId: actor.tenantId, now });
    await writeAudit(tx, {
      tenantId: actor.tenantId,
      actorUserId: actor.userId,
      action: input.paused ? 'sending.stopped' : 'sending.resumed',
      entityType: 'tenant_settings',
      entityId: actor.tenantId,
      details: { reason, released },
    });
    return { paused: input.paused, pausedReason: reason };
  });
}
