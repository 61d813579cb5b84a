import 'server-only';
import type { Actor } from '../auth/actor';
import { db } from '../db/client';
import { recordMissing } from '../db/errors';
import { inTransaction } from '../db/transaction';
import { AppError } from '../errors';
import { ColumnMappingSchema, proposeMapping, type ColumnMapping } from './column-mapping';
import { headerKey } from './header-key';
import { MAX_LINE_BYTES, UnreadableFileError, inspectFile } from './file-format';
import { readFileStart } from './read-file-start';

/** The mapping last used for files with these columns, if it still fits them. */
async function rememberedMapping(tenantId: string, key: string, columns: number): Promise<ColumnMapping | null> {
  const saved = await db().importMapping.findUnique({
    where: { tenantId_headerKey: { tenantId, headerKey: key } },
    select: { mapping: true },
  });
  const parsed = ColumnMappingSchema.safeParse(saved?.mapping);
  if (!parsed.success) return null;
  const used = [...Object.values(parsed.data.fields), ...parsed.data.custom.map((c) => c.column)];
  return used.every((column) => column < columns) ? parsed.data : null;
}

export interface AnalyseImportOptions {
  actor: Actor;
  batchId: string;
}

/**
 * Once every piece is uploaded: recognises encoding, delimiter and header and
 * proposes a column mapping. A file that is not a CSV of contacts is refused here
 * and forgotten, bytes and batch: it never became an import, so the history of
 * imports does not list it (the audit log keeps that it was uploaded).
 */
export async function analyseImport({ actor, batchId }: AnalyseImportOptions) {
  const batch = await db().importBatch.findFirst({
    where: { id: batchId, tenantId: actor.tenantId },
    select: { status: true, fileSize: true, encoding: true },
  });
  if (!batch) throw new AppError('not_found', 'That import does not exist.');
  // An upload is "UPLOADED" while its pieces arrive and after it is recognised; the encoding marks the latter.
  if (batch.status !== 'UPLOADED' || batch.encoding)
    throw new AppError('conflict', 'This import has already been analysed.');
  const [{ stored }] = await db().$queryRaw<{ stored: bigint | null }[]>`
    SELECT sum(length(data)) AS stored FROM import_file_chunks WHERE "batchId" = ${batchId}::uuid AND "tenantId" = ${actor.tenantId}::uuid`;
  if (Number(stored ?? 0) !== batch.fileSize)
    throw new AppError('invalid', 'The upload is incomplete: send every piece of the file first.');
  try {
    const format = inspectFile(
      await readFileStart({ tenantId: actor.tenantId, batchId, limit: MAX_LINE_BYTES + 1 }),
      batch.fileSize,
    );
    const key = headerKey(format.headers, format.hasHeader);
    const remembered = key ? await rememberedMapping(actor.tenantId, key, format.headers.length) : null;
    const mapping = remembered ?? proposeMapping(format.headers, format.preview, format.hasHeader);
    await inTransaction(async (tx) => {
      const { rowCount } = await tx.query(
        `UPDATE import_batches SET encoding = $3, delimiter = $4, "hasHeader" = $5, mapping = $6::jsonb, "headerKey" = $7, "mappingRemembered" = $8
         WHERE id = $1::uuid AND "tenantId" = $2::uuid`,
        [
          batchId,
          actor.tenantId,
          format.encoding,
          format.delimiter,
          format.hasHeader,
          JSON.stringify(mapping),
          key,
          remembered !== null,
        ],
      );
      if (!rowCount) throw recordMissing();
    });
    return { format, mapping, remembered: remembered !== null };
  } catch (error) {
    if (!(error instanceof UnreadableFileError)) throw error;
    // Its pieces go with it (ON DELETE CASCADE).
    await inTransaction(async (tx) => {
      const { rowCount } = await tx.query(`DELETE FROM import_batches WHERE id = $1::uuid AND "tenantId" = $2::uuid`, [
        batchId,
        actor.tenantId,
      ]);
      if (!rowCount) throw recordMissing();
    });
    throw new AppError('invalid', error.message);
  }
}
