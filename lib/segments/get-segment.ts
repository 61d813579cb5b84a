import 'server-only';
import type { Actor } from '../auth/actor';
import { pgPool } from '../db/pg-pool';
import { loadSegment, type LoadedSegment } from './load-segment';

export interface GetSegmentOptions {
  actor: Actor;
  segmentId: string;
}

/** One of the workspace's segments with its definition, for its page and the API. */
export async function getSegment({ actor, segmentId }: GetSegmentOptions): Promise<LoadedSegment> {
  return loadSegment(pgPool(), { tenantId: actor.tenantId, segmentId });
}
