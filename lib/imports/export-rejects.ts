import 'server-only';
import type { Actor } from '../auth/actor';
import { writeCsv } from '../csv/write-csv';
import { db } from '../db/client';
import { pgPool } from '../db/pg-pool';
import { AppError } from '../errors';
import { inspectFile, MAX_LINE_BYTES } from './file-format';
import { readFileStart } from './read-file-start';

const PAGE = 5000;

export interface ExportRejectsOptions {
  actor: Actor;
  batchId: string;
}

/** The rejected rows as CSV, each with its reason added as the last column, page by page. */
export async function* exportRejects({ actor, batchId }: ExportRejectsOptions): AsyncGenerator<string> {
  const batch = await db().importBatch.findFirst({
    where: { id: batchId, tenantId: actor.tenantId },
    select: { fileSize: true, hasHeader: true, encoding: true },
  });
  if (!batch) throw new AppError('not_found', 'That import does not exist.');
  const headers = batch.encoding
    ? inspectFile(await readFileStart({ tenantId: actor.tenantId, batchId, limit: MAX_LINE_BYTES + 1 }), batch.fileSize)
        .headers
    : [];
  yield writeCsv({ rows: [['row', ...headers, 'reason']] });
  let after = 0;
  for (;;) {
    const { rows } = await pgPool().query<{ rowNumber: number; cells: string[]; reason: string }>(
      `SELECT "rowNumber", ARRAY(SELECT jsonb_array_elements_text(raw->'cells')) AS cells, reason FROM import_rows
       WHERE "batchId" = $1 AND "tenantId" = $2 AND decision = 'REJECT' AND "rowNumber" > $3 ORDER BY "rowNumber" LIMIT $4`,
      [batchId, actor.tenantId, after, PAGE],
    );
    if (!rows.length) return;
    yield writeCsv({ rows: rows.map((r) => [String(r.rowNumber), ...r.cells, r.reason]) });
    after = rows[rows.length - 1].rowNumber;
  }
}
