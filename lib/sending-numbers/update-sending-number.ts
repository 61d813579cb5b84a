import { z } from 'zod';
import type { Actor } from '../auth/actor';
import { writeAudit } from '../auth/audit';
import { db } from '../db/client';
import { AppError } from '../errors';
import type { UpdateSendingNumberInput } from './schemas';
import { SENDING_NUMBER_SELECT, tenantTimeZone, toSendingNumberView } from './sending-number-view';

const NOT_FOUND = 'That sending number does not exist in this workspace.';

type AuditValue = string | number | boolean | null;

function auditValue(value: Date | AuditValue): AuditValue {
  return value instanceof Date ? value.toISOString() : value;
}

/** Changes a number's registration, active flag, cap, messaging service or warm-up start; records what changed from what. */
export async function updateSendingNumber({
  actor,
  numberId,
  input,
}: {
  actor: Actor;
  numberId: string;
  input: UpdateSendingNumberInput;
}) {
  // A malformed id names no number; the database would refuse to compare it at all.
  if (!z.uuid().safeParse(numberId).success) throw new AppError('not_found', NOT_FOUND);
  return db().$transaction(async (tx) => {
    const current = await tx.sendingNumber.findFirst({
      where: { id: numberId, tenantId: actor.tenantId },
      select: SENDING_NUMBER_SELECT,
    });
    if (!current) throw new AppError('not_found', NOT_FOUND);
    const changes: Record<string, { from: AuditValue; to: AuditValue }> = {};
    for (const [field, next] of Object.entries(input) as [keyof UpdateSendingNumberInput, Date | AuditValue][]) {
      const [from, to] = [auditValue(current[field]), auditValue(next)];
      if (from !== to) changes[field] = { from, to };
    }
    const timeZone = await tenantTimeZone(tx, actor.tenantId);
    if (Object.keys(changes).length === 0) return toSendingNumberView(current, { timeZone, now: new Date() });
    const updated = await tx.sendingNumber.update({
      where: { id: current.id },
      data: input,
      select: SENDING_NUMBER_SELECT,
    });
    await writeAudit(tx, {
      tenantId: actor.tenantId,
      actorUserId: actor.userId,
      action: 'sending_number.updated',
      entityType: 'sending_number',
      entityId: current.id,
      details: { value: current.value, changes },
    });
    return toSendingNumberView(updated, { timeZone, now: new Date() });
  });
}
