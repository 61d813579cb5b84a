import 'server-only';
import type { Actor } from '../auth/actor';
import { writeCsv } from '../csv/write-csv';
import { pgPool } from '../db/pg-pool';
import { dncFilterSql } from './dnc-filter-sql';
import type { DncQuery } from './dnc-schemas';
import { DNC_SOURCE_LABELS } from './dnc-source-labels';

const PAGE = 5000;

export interface ExportDncEntriesOptions {
  actor: Actor;
  query: Pick<DncQuery, 'q'>;
}

/** The do-not-contact list (as filtered) as CSV, page by page in number order, so memory stays flat. */
export async function* exportDncEntries({ actor, query }: ExportDncEntriesOptions): AsyncGenerator<string> {
  const { where, values } = dncFilterSql(actor.tenantId, query);
  yield writeCsv({ rows: [['phone', 'source', 'reason', 'added', 'added by']] });
  let after = '';
  for (;;) {
    const { rows } = await pgPool().query<{
      phoneE164: string;
      source: keyof typeof DNC_SOURCE_LABELS;
      reason: string | null;
      createdAt: Date;
      createdBy: string | null;
    }>(
      `SELECT d."phoneE164", d.source, d.reason, d."createdAt", u.email AS "createdBy"
         FROM dnc_entries d LEFT JOIN users u ON u.id = d."createdById"
        WHERE ${where} AND d."phoneE164" > $${values.length + 1}
        ORDER BY d."phoneE164" LIMIT ${PAGE}`,
      [...values, after],
    );
    if (!rows.length) return;
    yield writeCsv({
      rows: rows.map((r) => [
        r.phoneE164,
        DNC_SOURCE_LABELS[r.source],
        r.reason ?? '',
        r.createdAt.toISOString(),
        r.createdBy ?? '',
      ]),
    });
    after = rows[rows.length - 1].phoneE164;
  }
}
