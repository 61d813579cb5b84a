import 'server-only';
import type { Actor } from '../auth/actor';
import { writeAudit } from '../auth/audit';
import { inTransaction } from '../db/transaction';
import { AppError } from '../errors';
import type { CreateSendingNumberInput } from './schemas';
import {
  SENDING_NUMBER_COLUMNS,
  tenantTimeZone,
  toSendingNumberView,
  type SendingNumberRow,
} from './sending-number-view';

export interface CreateSendingNumberOptions {
  actor: Actor;
  input: CreateSendingNumberInput;
}

/**
 * Adds a long code or alphanumeric sender ID to the actor's tenant. Inbound
 * replies find their tenant by the number they were sent to, so a long code can
 * belong to one tenant only; sender IDs cannot receive replies and may repeat.
 */
export async function createSendingNumber({ actor, input }: CreateSendingNumberOptions) {
  return inTransaction(async (tx) => {
    if (input.kind === 'LONG_CODE') {
      // Two tenants adding the same number at once must not both pass the check below.
      await tx.query(`SELECT pg_advisory_xact_lock(hashtextextended($1, 0))`, [`sending-number:${input.value}`]);
      // Deliberately across tenants: the only question is whether anyone else holds it.
      const { rows: elsewhere } = await tx.query(
        `SELECT id FROM sending_numbers WHERE value = $1 AND "tenantId" <> $2::uuid LIMIT 1`,
        [input.value, actor.tenantId],
      );
      if (elsewhere.length) {
        throw new AppError(
          'conflict',
          `${input.value} already belongs to another workspace. A long code can belong to only one, because replies to it are routed by the number.`,
        );
      }
    }
    const { rows: existing } = await tx.query(
      `SELECT id FROM sending_numbers WHERE "tenantId" = $1::uuid AND value = $2`,
      [actor.tenantId, input.value],
    );
    if (existing.length)
      throw new AppError('conflict', `${input.value} is already one of this workspace's sending numbers.`);
    // Fields left out take the column defaults (not registered, a cap of 1,000, warm-up from now).
    const optional: [column: string, cast: string, value: unknown][] = [
      ['registered', '::boolean', input.registered],
      ['"messagingServiceSid"', '::text', input.messagingServiceSid],
      ['"dailyCap"', '::int', input.dailyCap],
      ['"warmupStartedAt"', '::timestamp', input.warmupStartedAt?.toISOString()],
    ];
    const given = optional.filter(([, , value]) => value !== undefined);
    const values = [actor.tenantId, input.kind, input.value, ...given.map(([, , value]) => value)];
    const {
      rows: [created],
    } = await tx.query<SendingNumberRow>(
      `INSERT INTO sending_numbers ("tenantId", kind, value${given.map(([column]) => `, ${column}`).join('')})
       VALUES ($1::uuid, $2::"SenderKind", $3${given.map(([, cast], i) => `, $${i + 4}${cast}`).join('')})
       RETURNING ${SENDING_NUMBER_COLUMNS}`,
      values,
    );
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
