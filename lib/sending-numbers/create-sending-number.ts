import type { Actor } from '../auth/actor';
import { writeAudit } from '../auth/audit';
import { db } from '../db/client';
import { AppError } from '../errors';
import type { CreateSendingNumberInput } from './schemas';
import { SENDING_NUMBER_SELECT, tenantTimeZone, toSendingNumberView } from './sending-number-view';

/**
 * Adds a long code or alphanumeric sender ID to the actor's tenant. Inbound
 * replies find their tenant by the number they were sent to, so a long code can
 * belong to one tenant only; sender IDs cannot receive replies and may repeat.
 */
export async function createSendingNumber({ actor, input }: { actor: Actor; input: CreateSendingNumberInput }) {
  return db().$transaction(async (tx) => {
    if (input.kind === 'LONG_CODE') {
      // Two tenants adding the same number at once must not both pass the check below.
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`sending-number:${input.value}`}, 0))`;
      // Deliberately across tenants: the only question is whether anyone else holds it.
      const elsewhere = await tx.sendingNumber.findFirst({
        where: { value: input.value, tenantId: { not: actor.tenantId } },
        select: { id: true },
      });
      if (elsewhere) {
        throw new AppError(
          'conflict',
          `${input.value} already belongs to another workspace. A long code can belong to only one, because replies to it are routed by the number.`,
        );
      }
    }
    const existing = await tx.sendingNumber.findUnique({
      where: { tenantId_value: { tenantId: actor.tenantId, value: input.value } },
      select: { id: true },
    });
    if (existing) throw new AppError('conflict', `${input.value} is already one of this workspace's sending numbers.`);
    const created = await tx.sendingNumber.create({
      data: {
        tenantId: actor.tenantId,
        kind: input.kind,
        value: input.value,
        registered: input.registered,
        messagingServiceSid: input.messagingServiceSid,
        dailyCap: input.dailyCap,
        warmupStartedAt: input.warmupStartedAt,
      },
      select: SENDING_NUMBER_SELECT,
    });
    await writeAudit(tx, {
      tenantId: actor.tenantId,
      actorUserId: actor.userId,
      action: 'sending_number.created',
      entityType: 'sending_number',
      entityId: created.id,
      details: {
        value: created.value,
        kind: created.kind,
        registered: created.registered,
        dailyCap: created.dailyCap,
        messagingServiceSid: created.messagingServiceSid,
        warmupStartedAt: created.warmupStartedAt.toISOString(),
      },
    });
    return toSendingNumberView(created, { timeZone: await tenantTimeZone(tx, actor.tenantId), now: new Date() });
  });
}
