import 'server-only';
import type { z } from 'zod';
import type { Actor } from '../auth/actor';
import { writeAudit } from '../auth/audit';
import { inTransaction } from '../db/transaction';
import type { CreateImportSchema } from './schemas';

export interface CreateImportBatchOptions {
  actor: Actor;
  input: z.infer<typeof CreateImportSchema>;
}

export async function createImportBatch({ actor, input }: CreateImportBatchOptions) {
  return inTransaction(async (tx) => {
    const {
      rows: [batch],
    } = await tx.query<{ id: string }>(
      `INSERT INTO import_batches ("tenantId", "createdById", "fileName", "fileSize")
       VALUES ($1::uuid, $2::uuid, $3, $4::int) RETURNING id`,
      [actor.tenantId, actor.userId, input.fileName, input.fileSize],
    );
    await writeAudit(tx, {
      tenantId: actor.tenantId,
      actorUserId: actor.userId,
      action: 'import.created',
      entityType: 'import_batch',
      entityId: batch.id,
      details: { fileName: input.fileName, fileSize: input.fileSize },
    });
    return { id: batch.id };
  });
}
