import type { z } from 'zod';
import type { Actor } from '../auth/actor';
import { writeAudit } from '../auth/audit';
import { db } from '../db/client';
import type { CreateImportSchema } from './schemas';

export async function createImportBatch({ actor, input }: { actor: Actor; input: z.infer<typeof CreateImportSchema> }) {
  return db().$transaction(async (tx) => {
    const batch = await tx.importBatch.create({
      data: { tenantId: actor.tenantId, createdById: actor.userId, fileName: input.fileName, fileSize: input.fileSize },
      select: { id: true },
    });
    await writeAudit(tx, {
      tenantId: actor.tenantId,
      actorUserId: actor.userId,
      action: 'import.created',
      entityType: 'import_batch',
      entityId: batch.id,
      details: { fileName: input.fileName, fileSize: input.fileSize },
    });
    return batch;
  });
}
