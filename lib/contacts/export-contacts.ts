import 'server-only';
import type { Actor } from '../auth/actor';
import { writeCsv } from '../csv/write-csv';
import { pgPool } from '../db/pg-pool';
import { contactFilterSql } from './contact-filter-sql';
import type { ContactQuery } from './contact-query';

const PAGE = 5000;

export interface ExportContactsOptions {
  actor: Actor;
  query: Omit<ContactQuery, 'page'>;
}

/** The contacts as the Contacts page filters them, as CSV, page by page in number order so memory stays flat. */
export async function* exportContacts({ actor, query }: ExportContactsOptions): AsyncGenerator<string> {
  const { where, values } = contactFilterSql({ tenantId: actor.tenantId, query });
  yield writeCsv({
    rows: [['phone', 'first name', 'last name', 'email', 'tags', 'consent', 'state', 'postcode', 'opted out', 'added']],
  });
  let after = '';
  for (;;) {
    const { rows } = await pgPool().query<{
      phoneE164: string;
      firstName: string | null;
      lastName: string | null;
      email: string | null;
      tags: string[];
      consentStatus: string;
      state: string | null;
      postcode: string | null;
      optedOutAt: Date | null;
      createdAt: Date;
    }>(
      `SELECT c."phoneE164", c."firstName", c."lastName", c.email, c.tags, c."consentStatus", c.state, c.postcode,
              c."optedOutAt", c."createdAt"
         FROM contacts c WHERE ${where} AND c."phoneE164" > $${values.length + 1}
        ORDER BY c."phoneE164" LIMIT ${PAGE}`,
      [...values, after],
    );
    if (!rows.length) return;
    yield writeCsv({
      rows: rows.map((r) => [
        r.phoneE164,
        r.firstName ?? '',
        r.lastName ?? '',
        r.email ?? '',
        r.tags.join('; '),
        r.consentStatus.toLowerCase(),
        r.state ?? '',
        r.postcode ?? '',
        r.optedOutAt ? r.optedOutAt.toISOString() : '',
        r.createdAt.toISOString(),
      ]),
    });
    after = rows[rows.length - 1].phoneE164;
  }
}
