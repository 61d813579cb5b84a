import 'server-only';
import type { Actor } from '../auth/actor';
import { seesPersonalData } from '../auth/roles';
import { maskPhone } from '../contacts/mask-phone';
import { db } from '../db/client';
import { AppError } from '../errors';
import { ColumnMappingSchema } from './column-mapping';
import { MAX_LINE_BYTES, UnreadableFileError, inspectFile, type FileFormat } from './file-format';
import { readFileStart } from './read-file-start';
import { REJECT_REASONS, type RejectCode } from './reject-reasons';

export interface GetImportBatchOptions {
  actor: Actor;
  batchId: string;
}

/** One import: progress, counts, the file's columns and the contacts it touched. */
export async function getImportBatch({ actor, batchId }: GetImportBatchOptions) {
  const batch = await db().importBatch.findFirst({
    where: { id: batchId, tenantId: actor.tenantId },
    select: {
      id: true,
      fileName: true,
      fileSize: true,
      status: true,
      encoding: true,
      delimiter: true,
      hasHeader: true,
      mapping: true,
      mappingRemembered: true,
      overwriteConsent: true,
      totalRows: true,
      processedRows: true,
      committedRows: true,
      createCount: true,
      updateCount: true,
      unchangedCount: true,
      rejectCount: true,
      error: true,
      createdAt: true,
      analysedAt: true,
      committedAt: true,
      createdById: true,
    },
  });
  if (!batch) throw new AppError('not_found', 'That import does not exist.');
  const { createdById, mapping: storedMapping, ...rest } = batch;
  const [createdBy, lineage, uploadedBytes, rejects] = await Promise.all([
    createdById ? db().user.findUnique({ where: { id: createdById }, select: { email: true } }) : null,
    db().contactImport.findMany({
      where: { tenantId: actor.tenantId, batchId },
      orderBy: { createdAt: 'asc' },
      take: 50,
      select: { action: true, contact: { select: { id: true, phoneE164: true, firstName: true, lastName: true } } },
    }),
    db().importFileChunk.aggregate({ where: { batchId, tenantId: actor.tenantId }, _count: true }),
    db().importRow.groupBy({
      by: ['reasonCode'],
      where: { tenantId: actor.tenantId, batchId, decision: 'REJECT' },
      _count: { _all: true },
    }),
  ]);
  let format: FileFormat | null = null;
  if (batch.encoding && uploadedBytes._count > 0) {
    try {
      format = inspectFile(
        await readFileStart({ tenantId: actor.tenantId, batchId, limit: MAX_LINE_BYTES + 1 }),
        batch.fileSize,
      );
    } catch (error) {
      if (!(error instanceof UnreadableFileError)) throw error;
    }
  }
  const mapping = ColumnMappingSchema.safeParse(storedMapping);
  const personal = seesPersonalData(actor.role);
  return {
    ...rest,
    mapping: mapping.success ? mapping.data : storedMapping,
    createdBy: createdBy?.email ?? 'former member',
    format: format && !personal ? { ...format, preview: [] } : format,
    touchedContacts: lineage.map((l) => ({
      ...l.contact,
      phoneE164: personal ? l.contact.phoneE164 : maskPhone(l.contact.phoneE164),
      action: l.action,
    })),
    rejectReasons: rejects
      .filter((r): r is typeof r & { reasonCode: RejectCode } => (r.reasonCode ?? '') in REJECT_REASONS)
      .map((r) => ({ code: r.reasonCode, label: REJECT_REASONS[r.reasonCode], count: r._count._all }))
      .sort((a, b) => b.count - a.count || a.label.localeCompare(b.label)),
  };
}
export type ImportBatchView = Awaited<ReturnType<typeof getImportBatch>>;
