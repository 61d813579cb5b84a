import 'server-only';
import { z } from 'zod';
import type { Actor } from '../auth/actor';
import { writeAudit } from '../auth/audit';
import { recordMissing } from '../db/errors';
import { inTransaction } from '../db/transaction';
import { AppError } from '../errors';
import type { UpdateSendingNumberInput } from './schemas';
import {
  SENDING_NUMBER_COLUMNS,
  tenantTimeZone,
  toSendingNumberView,
  type SendingNumberRow,
} from './sending-number-view';

const NOT_FOUND = 'That sending number does not exist in this workspace.';

type AuditValue = string | number | boolean | null;

// Each field an update may change, with the column it lands in and its SQL type.
const COLUMNS: Record<keyof UpdateSendingNumberInput, { column: string; cast: string }> = {
  registered: { column: 'registered', cast: '::boolean' },
  active: { column: 'active', cast: '::boolean' },
  dailyCap: { column: '"dailyCap"', cast: '::int' },
  messagingServiceSid: { column: '"messagingServiceSid"', cast: '::text' },
  warmupStartedAt: { column: '"warmupStartedAt"', cast: '::timestamp' },
};

function auditValue(value: Date | AuditValue): AuditValue {
  return value instanceof Date ? value.toISOString() : value;
}

export interface UpdateSendingNumberOptions {
  actor: Actor;
  numberId: string;
  input: UpdateSendingNumberInput;
}

/** Changes a number's registration, active flag, cap, messaging service or warm-up start; records what changed from what. */
export async function updateSendingNumber({ actor, numberId, input }: UpdateSendingNumberOptions) {
  // A malformed id names no number; the database would refuse to compare it at all.
  if (!z.uuid().safeParse(numberId).success) throw new AppError('not_found', NOT_FOUND);
  return inTransaction(async (tx) => {
    const {
      rows: [current],
    } = await tx.query<SendingNumberRow>(
      `SELECT ${SENDING_NUMBER_COLUMNS} FROM sending_numbers WHERE id = $1::uuid AND "tenantId" = $2::uuid`,
      [numberId, actor.tenantId],
    );
    if (!current) throw new AppError('not_found', NOT_FOUND);
    const given = (Object.entries(input) as [keyof UpdateSendingNumberInput, Date | AuditValue][]).filter(
      ([, next]) => next !== undefined,
    );
    const changes: Record<string, { from: AuditValue; to: AuditValue }> = {};
    for (const [field, next] of given) {
      const [from, to] = [auditValue(current[field]), auditValue(next)];
      if (from !== to) changes[field] = { from, to };
    }
    const timeZone = await tenantTimeZone(tx, actor.tenantId);
    if (Object.keys(changes).length === 0) return toSendingNumberView(current, { timeZone, now: new Date() });
    const {
      rows: [updated],
    } = await tx.query<SendingNumberRow>(
      `UPDATE sending_numbers
       SET ${given.map(([field], i) => `${COLUMNS[field].column} = $${i + 3}${COLUMNS[field].cast}`).join(', ')}
       WHERE id = $1::uuid AND "tenantId" = $2::uuid
       RETURNING ${SENDING_NUMBER_COLUMNS}`,
      [current.id, actor.tenantId, ...given.map(([, next]) => auditValue(next))],
    );
    if (!updated) throw recordMissing();
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
