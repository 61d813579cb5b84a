import 'server-only';
import type { Queryable } from '../db/queryable';
import { loadSegment } from '../segments/load-segment';
import type { SegmentDefinition } from '../segments/segment-definition';
import type { Audience, TargetAudience } from './audience';

/** What a campaign aimed at a segment records at launch: the segment as it was then. */
export interface AudienceSnapshot {
  segmentId: string;
  name: string;
  definition: SegmentDefinition;
}

export interface ResolveAudienceOptions {
  tenantId: string;
  audience: Audience;
}

export interface ResolvedAudience {
  target: TargetAudience;
  /** Set for a segment audience; null for the others, which need no record of their own. */
  snapshot: AudienceSnapshot | null;
}

/** Reads a segment audience's current definition, so it can be evaluated and recorded. */
export async function resolveAudience(
  q: Queryable,
  { tenantId, audience }: ResolveAudienceOptions,
): Promise<ResolvedAudience> {
  if (audience.kind !== 'segment') return { target: audience, snapshot: null };
  const segment = await loadSegment(q, {
    tenantId,
    segmentId: audience.segmentId,
    missing: 'The segment this audience names was deleted: choose another audience.',
  });
  return {
    target: { kind: 'definition', definition: segment.definition },
    snapshot: { segmentId: segment.id, name: segment.name, definition: segment.definition },
  };
}
