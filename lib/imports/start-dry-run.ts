import type { Actor } from '../auth/actor';
import { writeAudit } from '../auth/audit';
import { db } from '../db/client';
import { AppError } from '../errors';
import type { ColumnMapping } from './column-mapping';

/** Saves the mapping the user chose and marks the batch for a (new) dry run. */
export async function startDryRun({
  actor,
  batchId,
  mapping,
}: {
  actor: Actor;
  batchId: string;
  mapping: ColumnMapping;
}) {
  await db().$transaction(async (tx) => {
    const batch = await tx.importBatch.findFirst({
      where: { id: batchId, tenantId: actor.tenantId },
      select: { status: true, encoding: true },
    });
    if (!batch) throw new AppError('not_found', 'That import does not exist.');
    if (!batch.encoding) throw new AppError('conflict', 'Finish uploading the file first.');
    if (!['UPLOADED', 'ANALYSED', 'FAILED'].includes(batch.status))
      throw new AppError('conflict', 'This import is being committed or is done; start a new import to change it.');
    await tx.importBatch.update({
      where: { id: batchId },
      data: {
        mapping,
        hasHeader: mapping.hasHeader,
        overwriteConsent: mapping.overwriteConsent,
        status: 'ANALYSING',
        processedRows: 0,
        error: null,
      },
    });
    await writeAudit(tx, {
      tenantId: actor.tenantId,
      actorUserId: actor.userId,
      action: 'import.dry_run',
      entityType: 'import_batch',
      entityId: batchId,
      details: { mapping },
    });
  });
}
