import 'server-only';
import type { Actor } from '../auth/actor';
import { writeAudit } from '../auth/audit';
import { inTransaction } from '../db/transaction';
import { AppError } from '../errors';
import { SEGMENT_NOT_FOUND, SegmentIdSchema } from './segment-schemas';

export interface DeleteSegmentOptions {
  actor: Actor;
  segmentId: string;
}

/**
 * Removes a saved segment, audited. Launched campaigns keep the definition they
 * recorded; a draft that still names it is told to choose another audience.
 */
export async function deleteSegment({ actor, segmentId }: DeleteSegmentOptions) {
  if (!SegmentIdSchema.safeParse(segmentId).success) throw new AppError('not_found', SEGMENT_NOT_FOUND);
  await inTransaction(async (tx) => {
    const { rows } = await tx.query<{ name: string; definition: unknown }>(
      `DELETE FROM segments WHERE "tenantId" = $1::uuid AND id = $2::uuid RETURNING name, definition`,
      [actor.tenantId, segmentId],
    );
    if (!rows[0]) throw new AppError('not_found', SEGMENT_NOT_FOUND);
    await writeAudit(tx, {
      tenantId: actor.tenantId,
      actorUserId: actor.userId,
      action: 'segment.deleted',
      entityType: 'segment',
      entityId: segmentId,
      details: { name: rows[0].name, definition: rows[0].definition },
    });
  });
}
