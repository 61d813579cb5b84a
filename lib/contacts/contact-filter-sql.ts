import type { ContactQuery } from './contact-query';

export interface ContactFilterSqlOptions {
  tenantId: string;
  query: Omit<ContactQuery, 'page'>;
}

export interface ContactFilterSql {
  /** Conditions on `contacts c`, joined with AND; `$1` is the tenant. */
  where: string;
  values: unknown[];
}

/** A search that is only a number as people type one: 0412 345 678, +61 412 345 678, (04) 1234-5678. */
const PHONE_LIKE = /^[\d\s()+.-]+$/;

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, '\\$&');
}

/**
 * The Contacts filter as SQL. The search matches `contacts."searchText"`, which the
 * database keeps folded (no case, accents or apostrophes; see the contact_search
 * migration), through its trigram index; words go through the same folding function
 * in the query, and a typed number is matched by its digits, which the column holds
 * in both international (61412…) and national (0412…) form.
 */
export function contactFilterSql({ tenantId, query }: ContactFilterSqlOptions): ContactFilterSql {
  const values: unknown[] = [tenantId];
  const where = ['c."tenantId" = $1::uuid'];
  const param = (value: unknown) => `$${values.push(value)}`;

  if (query.consent) where.push(`c."consentStatus" = ${param(query.consent)}::"ConsentStatus"`);
  if (query.tag) where.push(`c.tags @> ARRAY[${param(query.tag)}::text]`);
  if (query.dnc === 'only') where.push('c."optedOutAt" IS NOT NULL');
  if (query.dnc === 'exclude') where.push('c."optedOutAt" IS NULL');
  if (query.batch)
    where.push(
      `EXISTS (SELECT 1 FROM contact_imports ci
               WHERE ci."tenantId" = $1::uuid AND ci."batchId" = ${param(query.batch)}::uuid AND ci."contactId" = c.id)`,
    );
  if (query.q) {
    const digits = query.q.replace(/\D/g, '');
    if (PHONE_LIKE.test(query.q) && digits) where.push(`c."searchText" LIKE ${param(`%${digits}%`)}`);
    else where.push(`c."searchText" LIKE '%' || contact_search_key(${param(escapeLike(query.q))}) || '%'`);
  }
  return { where: where.join(' AND '), values };
}
