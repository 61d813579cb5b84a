import 'server-only';
import type { Actor } from '../auth/actor';
import { writeAudit } from '../auth/audit';
import { recordMissing } from '../db/errors';
import { inTransaction } from '../db/transaction';
import type { ImportStatus } from '../generated/prisma/enums';
import { AppError } from '../errors';

export interface StartCommitOptions {
  actor: Actor;
  batchId: string;
}

/**
 * Checks a batch can be committed, or resumed after it stopped or failed part way,
 * and records who did it. A failed commit keeps its dry run's decisions (analysedAt);
 * a failed dry run has none to commit.
 */
export async function startCommit({ actor, batchId }: StartCommitOptions) {
  await inTransaction(async (tx) => {
    const {
      rows: [batch],
    } = await tx.query<{ status: ImportStatus; analysedAt: Date | null }>(
      `SELECT status, "analysedAt" FROM import_batches WHERE id = $1::uuid AND "tenantId" = $2::uuid FOR UPDATE`,
      [batchId, actor.tenantId],
    );
    if (!batch) throw new AppError('not_found', 'That import does not exist.');
    if (batch.status === 'COMMITTED') throw new AppError('conflict', 'This import is already committed.');
    const resumable = batch.status === 'COMMITTING' || (batch.status === 'FAILED' && batch.analysedAt !== null);
    if (batch.status !== 'ANALYSED' && !resumable)
      throw new AppError('conflict', 'Run the dry run to completion before committing.');
    const { rowCount } = await tx.query(
      `UPDATE import_batches SET status = 'COMMITTING', error = NULL WHERE id = $1::uuid AND "tenantId" = $2::uuid`,
      [batchId, actor.tenantId],
    );
    if (!rowCount) throw recordMissing();
    await writeAudit(tx, {
      tenantId: actor.tenantId,
      actorUserId: actor.userId,
      action: resumable ? 'import.commit_resumed' : 'import.committed',
      entityType: 'import_batch',
      entityId: batchId,
    });
  });
}
