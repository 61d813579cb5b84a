import 'server-only';
import type { Queryable } from '../db/queryable';
import { AppError } from '../errors';
import { SegmentDefinitionSchema, type SegmentDefinition } from './segment-definition';
import { SEGMENT_NOT_FOUND, SegmentIdSchema } from './segment-schemas';

export interface LoadSegmentOptions {
  tenantId: string;
  segmentId: string;
  /** What to say when it is gone (a campaign's audience says more than "not found"). */
  missing?: string;
}

export interface LoadedSegment {
  id: string;
  name: string;
  definition: SegmentDefinition;
  updatedAt: string;
}

/**
 * One of the tenant's segments with its definition, read through the caller's
 * connection so a launch reads the definition it records in its own transaction.
 */
export async function loadSegment(
  q: Queryable,
  { tenantId, segmentId, missing = SEGMENT_NOT_FOUND }: LoadSegmentOptions,
): Promise<LoadedSegment> {
  if (!SegmentIdSchema.safeParse(segmentId).success) throw new AppError('not_found', missing);
  const {
    rows: [row],
  } = await q.query<{ id: string; name: string; definition: unknown; updatedAt: Date }>(
    `SELECT id, name, definition, "updatedAt" FROM segments WHERE "tenantId" = $1::uuid AND id = $2::uuid`,
    [tenantId, segmentId],
  );
  if (!row) throw new AppError('not_found', missing);
  const definition = SegmentDefinitionSchema.safeParse(row.definition);
  if (!definition.success)
    throw new AppError('invalid', `The segment “${row.name}” can no longer be read; open it and save it again.`);
  return { id: row.id, name: row.name, definition: definition.data, updatedAt: new Date(row.updatedAt).toISOString() };
}
