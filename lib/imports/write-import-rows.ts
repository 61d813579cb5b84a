import 'server-only';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';

export interface DecidedRow {
  rowNumber: number;
  /** JSON text: a rejected row's cells, or what an accepted row will write. */
  raw: string;
  phoneE164: string | null;
  decision: 'CREATE' | 'UPDATE' | 'UNCHANGED' | 'REJECT';
  reasonCode: string | null;
  reason: string | null;
}

export interface WriteImportRowsOptions {
  db: pg.Pool;
  tenantId: string;
  batchId: string;
  rows: DecidedRow[];
}

// COPY's text format: backslash, tab, newline and carriage return are escaped, \N is NULL.
const SPECIAL = /[\\\t\n\r]/g;
const ESCAPES: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };
const field = (value: string | null) => (value === null ? '\\N' : value.replace(SPECIAL, (c) => ESCAPES[c]));

/**
 * Stores a slice of a dry run's decisions with COPY, which PostgreSQL reads several
 * times faster than the same rows as INSERT parameters.
 */
export async function writeImportRows({ db, tenantId, batchId, rows }: WriteImportRowsOptions): Promise<void> {
  const prefix = `${tenantId}\t${batchId}\t`;
  const text = rows
    .map(
      (r) =>
        `${prefix}${r.rowNumber}\t${field(r.raw)}\t${field(r.phoneE164)}\t${r.decision}\t${field(r.reasonCode)}\t${field(r.reason)}\n`,
    )
    .join('');
  const client = await db.connect();
  try {
    await pipeline(
      Readable.from([text]),
      client.query(
        copyFrom(
          'COPY import_rows ("tenantId", "batchId", "rowNumber", raw, "phoneE164", decision, "reasonCode", reason) FROM STDIN',
        ),
      ),
    );
    client.release();
  } catch (error) {
    // A connection that failed mid-COPY is closed rather than handed to the next caller.
    client.release(error as Error);
    throw error;
  }
}
