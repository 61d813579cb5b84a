import 'server-only';
import type pg from 'pg';
import { pgPool } from '../db/pg-pool';
import { ColumnMappingSchema } from './column-mapping';
import { checkRow, compareWithExisting, type ExistingContact, type RowCheck, type RowContext } from './check-row';
import { UNEXPECTED_DRY_RUN_FAILURE, failDryRun } from './fail-dry-run';
import { FirstRowTable } from './first-row-table';
import { UnreadableFileError, type TextEncoding } from './file-format';
import { readRecordBatches } from './read-stored-file';
import { storableText } from '../contacts/storable-values';
import { storedContactJson } from './stored-contact-json';
import { writeImportRows, type DecidedRow } from './write-import-rows';

const BATCH_ROWS = 5000;
// Wide rows (many custom fields) end a batch sooner, so a batch's memory stays bounded
// whatever the file: the dry run's thread has a fixed heap (see runDryRunInWorker).
const BATCH_CHARS = 2_000_000;
const WRITERS = 3;

async function loadDoNotContact(db: pg.Pool, tenantId: string): Promise<Set<string>> {
  const { rows } = await db.query<{ phone: string }>(
    `SELECT "phoneE164" AS phone FROM dnc_entries WHERE "tenantId" = $1
     UNION SELECT "phoneE164" FROM contacts WHERE "tenantId" = $1 AND "optedOutAt" IS NOT NULL`,
    [tenantId],
  );
  return new Set(rows.map((r) => r.phone));
}

async function existingContacts(
  db: pg.Pool,
  tenantId: string,
  phones: string[],
): Promise<Map<string, ExistingContact>> {
  if (!phones.length) return new Map();
  const { rows } = await db.query<ExistingContact & { phoneE164: string }>(
    `SELECT "phoneE164", "firstName", "lastName", email, tags, "consentStatus", "timeZone", state, postcode, "customFields"
     FROM contacts WHERE "tenantId" = $1 AND "phoneE164" = ANY($2::text[])`,
    [tenantId, phones],
  );
  return new Map(rows.map((r) => [r.phoneE164, r]));
}

// Spreadsheets export rows that were only ever formatted as ",,,,": nothing to import, nothing to reject.
function isBlankRow(cells: string[]): boolean {
  for (const value of cells) if (value.trim()) return false;
  return true;
}

export interface RunDryRunOptions {
  tenantId: string;
  batchId: string;
}

/**
 * Decides every row of an uploaded file without touching contacts: each row's
 * decision and reason go to import_rows, counts and progress to the batch. Running
 * it again starts over, so a dry run interrupted by a restart is simply re-run.
 */
export async function runDryRun({ tenantId, batchId }: RunDryRunOptions): Promise<void> {
  const db = pgPool();
  const { rows: found } = await db.query<{ mapping: unknown; encoding: TextEncoding; delimiter: string }>(
    `SELECT mapping, encoding, delimiter FROM import_batches WHERE id = $1 AND "tenantId" = $2`,
    [batchId, tenantId],
  );
  const batch = found[0];
  if (!batch) return;
  const counts = { CREATE: 0, UPDATE: 0, UNCHANGED: 0, REJECT: 0 };
  let processed = 0;
  // Every write is awaited at the end, so a failed one fails the dry run.
  const writes: Promise<void>[] = [];
  try {
    const mapping = ColumnMappingSchema.parse(batch.mapping);
    // analysedAt marks a batch whose decisions are complete and can be committed; until this run ends, none are.
    await db.query(
      `UPDATE import_batches SET status = 'ANALYSING', "processedRows" = 0, "totalRows" = 0, "createCount" = 0, "updateCount" = 0, "unchangedCount" = 0, "rejectCount" = 0, "committedRows" = 0, error = NULL, "analysedAt" = NULL
       WHERE id = $1 AND "tenantId" = $2`,
      [batchId, tenantId],
    );
    await db.query('DELETE FROM import_rows WHERE "batchId" = $1 AND "tenantId" = $2', [batchId, tenantId]);
    const context: RowContext = {
      mapping,
      columnCount: 0,
      seen: new FirstRowTable(),
      dnc: await loadDoNotContact(db, tenantId),
      now: new Date(),
    };
    let recordIndex = 0;
    let pending: { rowNumber: number; cells: string[]; check: RowCheck }[] = [];
    let pendingChars = 0;

    // Rows are checked here while earlier batches' lookups and inserts run in
    // PostgreSQL on other connections; a few batches at most are in flight, so
    // memory stays bounded. Rows carry their numbers, so insert order is free.
    const inflight = new Set<Promise<void>>();
    const flush = async () => {
      const checked = pending;
      pending = [];
      pendingChars = 0;
      while (inflight.size >= WRITERS) await Promise.race(inflight);
      const write: Promise<void> = (async () => {
        const accepted = checked.flatMap((c) => (c.check.ok ? [c.check.contact.phoneE164] : []));
        const existing = await existingContacts(db, tenantId, accepted);
        const decided: DecidedRow[] = checked.map(({ rowNumber, cells, check }) => {
          // Rejected rows keep their cells for the rejects download; accepted rows keep what they will write.
          if (!check.ok)
            return {
              rowNumber,
              raw: JSON.stringify({ cells: cells.map(storableText) }),
              phoneE164: check.phoneE164,
              decision: 'REJECT',
              reasonCode: check.code,
              reason: storableText(check.reason),
            };
          const { decision, consentChanged } = compareWithExisting(
            check.contact,
            existing.get(check.contact.phoneE164),
            mapping.overwriteConsent,
          );
          return {
            rowNumber,
            raw: storedContactJson({ contact: check.contact, consentChanged }),
            phoneE164: check.contact.phoneE164,
            decision,
            reasonCode: null,
            reason: null,
          };
        });
        await writeImportRows({ db, tenantId, batchId, rows: decided });
        for (const d of decided) counts[d.decision] += 1;
        processed += decided.length;
        await db.query(
          // Writers finish out of order; counts only grow, so an earlier writer's figures never overwrite a later one's.
          `UPDATE import_batches SET "processedRows" = GREATEST("processedRows", $3), "createCount" = GREATEST("createCount", $4),
             "updateCount" = GREATEST("updateCount", $5), "unchangedCount" = GREATEST("unchangedCount", $6), "rejectCount" = GREATEST("rejectCount", $7)
           WHERE id = $1 AND "tenantId" = $2`,
          [batchId, tenantId, processed, counts.CREATE, counts.UPDATE, counts.UNCHANGED, counts.REJECT],
        );
      })();
      inflight.add(write);
      write.then(
        () => inflight.delete(write),
        () => {},
      );
      writes.push(write);
    };

    for await (const records of readRecordBatches({
      batchId,
      tenantId,
      encoding: batch.encoding,
      delimiter: batch.delimiter,
    })) {
      for (const cells of records) {
        recordIndex += 1;
        if (recordIndex === 1) {
          context.columnCount = cells.length;
          if (mapping.hasHeader) continue;
        }
        if (isBlankRow(cells)) continue;
        pending.push({ rowNumber: recordIndex, cells, check: checkRow(cells, recordIndex, context) });
        for (const value of cells) pendingChars += value.length;
        if (pending.length >= BATCH_ROWS || pendingChars >= BATCH_CHARS) await flush();
      }
    }
    if (pending.length) await flush();
    await Promise.all(writes);
    if (processed === 0) {
      throw new UnreadableFileError(
        recordIndex === 0 ? 'The file is empty.' : 'The file has a header row but no contacts under it.',
      );
    }
    // Fresh statistics let the commit plan its joins over these rows sensibly.
    await db.query('ANALYZE import_rows');
    await db.query(
      `UPDATE import_batches SET status = 'ANALYSED', "totalRows" = $3, "processedRows" = $3, "createCount" = $4, "updateCount" = $5,
         "unchangedCount" = $6, "rejectCount" = $7, "analysedAt" = now()
       WHERE id = $1 AND "tenantId" = $2`,
      [batchId, tenantId, processed, counts.CREATE, counts.UPDATE, counts.UNCHANGED, counts.REJECT],
    );
  } catch (error) {
    const message = error instanceof UnreadableFileError ? error.message : UNEXPECTED_DRY_RUN_FAILURE;
    if (!(error instanceof UnreadableFileError)) console.error('[imports] dry run failed', error);
    // Writes still in flight would put rows and counts back after the clean-up.
    await Promise.allSettled(writes);
    await failDryRun({ tenantId, batchId, message });
  }
}
