import 'server-only';
import type { Actor } from '../auth/actor';
import { db } from '../db/client';

export interface ListSegmentsOptions {
  actor: Actor;
}

export interface SegmentSummary {
  id: string;
  name: string;
  updatedAt: string;
}

/** The workspace's saved segments, by name. */
export async function listSegments({ actor }: ListSegmentsOptions): Promise<SegmentSummary[]> {
  const rows = await db().segment.findMany({
    where: { tenantId: actor.tenantId },
    orderBy: { name: 'asc' },
    select: { id: true, name: true, updatedAt: true },
  });
  return rows.map((r) => ({ id: r.id, name: r.name, updatedAt: r.updatedAt.toISOString() }));
}
