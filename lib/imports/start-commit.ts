import type { Actor } from '../auth/actor';
import { writeAudit } from '../auth/audit';
import { db } from '../db/client';
import { AppError } from '../errors';

/** Checks a batch can be committed (or resumed) and records who committed it. */
export async function startCommit({ actor, batchId }: { actor: Actor; batchId: string }) {
  await db().$transaction(async (tx) => {
    const batch = await tx.importBatch.findFirst({
      where: { id: batchId, tenantId: actor.tenantId },
      select: { status: true },
    });
    if (!batch) throw new AppError('not_found', 'That import does not exist.');
    if (batch.status !== 'ANALYSED' && batch.status !== 'COMMITTING')
      throw new AppError('conflict', 'Run the dry run to completion before committing.');
    await tx.importBatch.update({ where: { id: batchId }, data: { status: 'COMMITTING' } });
    await writeAudit(tx, {
      tenantId: actor.tenantId,
      actorUserId: actor.userId,
      action: batch.status === 'COMMITTING' ? 'import.commit_resumed' : 'import.committed',
      entityType: 'import_batch',
      entityId: batchId,
    });
  });
}
