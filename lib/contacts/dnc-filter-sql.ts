import type { DncQuery } from './dnc-schemas';

/**
 * The do-not-contact search as SQL on `dnc_entries d` ($1 is the tenant): a typed
 * number matches by its digits, national (0412…) or international (+61 412…),
 * and words match the reason the number was put on the list.
 */
export function dncFilterSql(tenantId: string, query: Pick<DncQuery, 'q'>): { where: string; values: unknown[] } {
  const values: unknown[] = [tenantId];
  const where = ['d."tenantId" = $1::uuid'];
  const digits = query.q.replace(/\D/g, '');
  if (/^[\d\s()+.-]+$/.test(query.q) && digits) {
    values.push(`%${digits.replace(/^0/, '')}%`);
    where.push(`d."phoneE164" LIKE $${values.length}`);
  } else if (query.q) {
    values.push(`%${query.q.replace(/[\\%_]/g, '\\$&')}%`);
    where.push(`d.reason ILIKE $${values.length}`);
  }
  return { where: where.join(' AND '), values };
}
