import 'server-only';
import type { Actor } from '../auth/actor';
import { seesPersonalData } from '../auth/roles';
import { pgPool } from '../db/pg-pool';
import type { ConsentStatus } from '../generated/prisma/enums';
import { contactFilterSql } from './contact-filter-sql';
import type { ContactQuery } from './contact-query';
import { maskPhone } from './mask-phone';

const PAGE_SIZE = 50;

export interface ListContactsOptions {
  actor: Actor;
  query: ContactQuery;
}

interface ContactListRow {
  id: string;
  phoneE164: string;
  firstName: string | null;
  lastName: string | null;
  consentStatus: ConsentStatus;
  tags: string[];
  optedOutAt: Date | null;
  createdAt: Date;
}

/** One page of the workspace's contacts, newest first, with how many match the filter in all. */
export async function listContacts({ actor, query }: ListContactsOptions) {
  const { where, values } = contactFilterSql({ tenantId: actor.tenantId, query });
  const [counted, page] = await Promise.all([
    pgPool().query<{ total: number }>(`SELECT count(*)::int AS total FROM contacts c WHERE ${where}`, values),
    pgPool().query<ContactListRow>(
      `SELECT c.id, c."phoneE164", c."firstName", c."lastName", c."consentStatus", c.tags, c."optedOutAt", c."createdAt"
       FROM contacts c WHERE ${where}
       ORDER BY c."createdAt" DESC, c.id DESC
       LIMIT ${PAGE_SIZE} OFFSET ${(query.page - 1) * PAGE_SIZE}`,
      values,
    ),
  ]);
  const contacts = seesPersonalData(actor.role)
    ? page.rows
    : page.rows.map((c) => ({ ...c, phoneE164: maskPhone(c.phoneE164) }));
  return { total: counted.rows[0].total, pageSize: PAGE_SIZE, page: query.page, contacts };
}
