import 'server-only';
import type { Actor } from '../auth/actor';
import { pgPool } from '../db/pg-pool';
import type { DncSource } from '../generated/prisma/enums';
import { dncFilterSql } from './dnc-filter-sql';
import type { DncQuery } from './dnc-schemas';

const PAGE_SIZE = 50;

export interface ListDncEntriesOptions {
  actor: Actor;
  query: DncQuery;
}

export interface DncEntryRow {
  phoneE164: string;
  source: DncSource;
  reason: string | null;
  createdAt: Date;
  createdBy: string | null;
  contactId: string | null;
}

/** One page of the workspace's do-not-contact list, newest first, with who put each number there. */
export async function listDncEntries({ actor, query }: ListDncEntriesOptions) {
  const { where, values } = dncFilterSql(actor.tenantId, query);
  const [counted, page] = await Promise.all([
    pgPool().query<{ total: number }>(`SELECT count(*)::int AS total FROM dnc_entries d WHERE ${where}`, values),
    pgPool().query<DncEntryRow>(
      `SELECT d."phoneE164", d.source, d.reason, d."createdAt", u.email AS "createdBy", c.id AS "contactId"
         FROM dnc_entries d
         LEFT JOIN users u ON u.id = d."createdById"
         LEFT JOIN contacts c ON c."tenantId" = d."tenantId" AND c."phoneE164" = d."phoneE164"
        WHERE ${where}
        ORDER BY d."createdAt" DESC, d.id DESC
        LIMIT ${PAGE_SIZE} OFFSET ${(query.page - 1) * PAGE_SIZE}`,
      values,
    ),
  ]);
  return { total: counted.rows[0].total, page: query.page, pageSize: PAGE_SIZE, entries: page.rows };
}
