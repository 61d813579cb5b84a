import 'server-only';
import type { Actor } from '../auth/actor';
import { writeAudit } from '../auth/audit';
import { recordMissing } from '../db/errors';
import { inTransaction } from '../db/transaction';
import type { ImportStatus } from '../generated/prisma/enums';
import { AppError } from '../errors';
import type { ColumnMapping } from './column-mapping';

export interface StartDryRunOptions {
  actor: Actor;
  batchId: string;
  mapping: ColumnMapping;
}

/**
 * Saves the mapping the user chose (also as the one to propose for the next file
 * with the same columns) and marks the batch for a (new) dry run, also
 * after a failed one or a failed commit. The old decisions stop counting at once
 * (analysedAt), so a dry run that then fails leaves nothing stale to commit.
 */
export async function startDryRun({ actor, batchId, mapping }: StartDryRunOptions) {
  await inTransaction(async (tx) => {
    const {
      rows: [batch],
    } = await tx.query<{ status: ImportStatus; encoding: string | null; headerKey: string | null }>(
      `SELECT status, encoding, "headerKey" FROM import_batches WHERE id = $1::uuid AND "tenantId" = $2::uuid FOR UPDATE`,
      [batchId, actor.tenantId],
    );
    if (!batch) throw new AppError('not_found', 'That import does not exist.');
    if (!batch.encoding) throw new AppError('conflict', 'Finish uploading the file first.');
    if (!['UPLOADED', 'ANALYSED', 'FAILED'].includes(batch.status))
      throw new AppError('conflict', 'This import is being committed or is done; start a new import to change it.');
    const { rowCount } = await tx.query(
      `UPDATE import_batches
       SET mapping = $3::jsonb, "hasHeader" = $4, "overwriteConsent" = $5, status = 'ANALYSING', "processedRows" = 0, error = NULL,
           "analysedAt" = NULL
       WHERE id = $1::uuid AND "tenantId" = $2::uuid`,
      [batchId, actor.tenantId, JSON.stringify(mapping), mapping.hasHeader, mapping.overwriteConsent],
    );
    if (!rowCount) throw recordMissing();
    // The next file with these columns starts from this mapping.
    if (batch.headerKey && mapping.hasHeader)
      await tx.query(
        `INSERT INTO import_mappings ("tenantId", "headerKey", mapping, "updatedAt") VALUES ($1::uuid, $2, $3::jsonb, now())
         ON CONFLICT ("tenantId", "headerKey") DO UPDATE SET mapping = EXCLUDED.mapping, "updatedAt" = now()`,
        [actor.tenantId, batch.headerKey, JSON.stringify(mapping)],
      );
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
