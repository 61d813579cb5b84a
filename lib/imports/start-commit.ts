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

/** Checks a batch can be committed (or resumed) and records who committed it. */
export async function startCommit({ actor, batchId }: StartCommitOptions) {
  await inTransaction(async (tx) => {
    const {
      rows: [batch],
    } = await tx.query<{ status: ImportStatus }>(
      `SELECT status FROM import_batches WHERE id = $1::uuid AND "tenantId" = $2::uuid`,
      [batchId, actor.tenantId],
    );
    if (!batch) throw new AppError('not_found', 'That import does not exist.');
    if (batch.status !== 'ANALYSED' && batch.status !== 'COMMITTING')
      throw new AppError('conflict', 'Run the dry run to completion before committing.');
    const { rowCount } = await tx.query(
      `UPDATE import_batches SET status = 'COMMITTING' WHERE id = $1::uuid AND "tenantId" = $2::uuid`,
      [batchId, actor.tenantId],
    );
    if (!rowCount) throw recordMissing();
    await writeAudit(tx, {
      tenantId: actor.tenantId,
      actorUserId: actor.userId,
      action: batch.status === 'COMMITTING' ? 'import.commit_resumed' : 'import.committed',
      entityType: 'import_batch',
      entityId: batchId,
    });
  });
}
