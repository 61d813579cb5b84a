import 'server-only';
import type { Actor } from '../auth/actor';
import { writeAudit } from '../auth/audit';
import { isUniqueViolation } from '../db/errors';
import { inTransaction } from '../db/transaction';
import { AppError } from '../errors';
import { SEGMENT_NOT_FOUND, SegmentIdSchema, type SegmentInput } from './segment-schemas';

export interface SaveSegmentOptions {
  actor: Actor;
  /** The segment to change; a new one when absent. */
  segmentId?: string;
  input: SegmentInput;
}

/**
 * Adds or edits a saved segment, audited with the definition it now has.
 * Campaigns already launched to it keep the definition they recorded at launch.
 */
export async function saveSegment({ actor, segmentId, input }: SaveSegmentOptions) {
  if (segmentId !== undefined && !SegmentIdSchema.safeParse(segmentId).success)
    throw new AppError('not_found', SEGMENT_NOT_FOUND);
  try {
    return await inTransaction(async (tx) => {
      const definition = JSON.stringify(input.definition);
      const { rows } = segmentId
        ? await tx.query<{ id: string }>(
            `UPDATE segments SET name = $3, definition = $4::jsonb, "updatedById" = $5::uuid, "updatedAt" = now()
             WHERE "tenantId" = $1::uuid AND id = $2::uuid RETURNING id`,
            [actor.tenantId, segmentId, input.name, definition, actor.userId],
          )
        : await tx.query<{ id: string }>(
            `INSERT INTO segments ("tenantId", name, definition, "createdById", "updatedById")
             VALUES ($1::uuid, $2, $3::jsonb, $4::uuid, $4::uuid) RETURNING id`,
            [actor.tenantId, input.name, definition, actor.userId],
          );
      if (!rows[0]) throw new AppError('not_found', SEGMENT_NOT_FOUND);
      await writeAudit(tx, {
        tenantId: actor.tenantId,
        actorUserId: actor.userId,
        action: segmentId ? 'segment.updated' : 'segment.created',
        entityType: 'segment',
        entityId: rows[0].id,
        details: { name: input.name, definition: input.definition },
      });
      return { id: rows[0].id, ...input };
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError('conflict', `A segment is already called “${input.name}”.`);
    throw error;
  }
}
