import 'server-only';
import type { Actor } from '../auth/actor';
import { db } from '../db/client';

export interface ListImportBatchesOptions {
  actor: Actor;
}

/** Import history, newest first, with who ran each batch. */
export async function listImportBatches({ actor }: ListImportBatchesOptions) {
  const batches = await db().importBatch.findMany({
    where: { tenantId: actor.tenantId },
    orderBy: { createdAt: 'desc' },
    take: 100,
    select: {
      id: true,
      fileName: true,
      status: true,
      createdAt: true,
      createdById: true,
      totalRows: true,
      createCount: true,
      updateCount: true,
      unchangedCount: true,
      rejectCount: true,
    },
  });
  const userIds = [...new Set(batches.map((b) => b.createdById).filter((id): id is string => id !== null))];
  const users = await db().user.findMany({ where: { id: { in: userIds } }, select: { id: true, email: true } });
  const emailById = new Map(users.map((u) => [u.id, u.email]));
  return batches.map((b) => ({
    ...b,
    createdBy: b.createdById ? (emailById.get(b.createdById) ?? 'former member') : 'system',
  }));
}
