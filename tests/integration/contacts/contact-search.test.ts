import { beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '@/lib/auth/actor';
import { contactFilterSql } from '@/lib/contacts/contact-filter-sql';
import { ContactQuerySchema } from '@/lib/contacts/contact-query';
import { listContacts } from '@/lib/contacts/list-contacts';
import { db } from '@/lib/db/client';
import { pgPool } from '@/lib/db/pg-pool';
import { createTenant, signedInMember } from '../../support/fixtures';
import { actorFor } from '../../support/import-fixtures';

let actor: Actor;

const PEOPLE = [
  { phoneE164: '+61412345601', firstName: 'Zoë', lastName: 'Smith', email: 'zoe@example.com' },
  { phoneE164: '+61412345602', firstName: 'José', lastName: 'García', email: null },
  { phoneE164: '+61412345603', firstName: 'Seán', lastName: 'O’Brien', email: null },
  { phoneE164: '+61412345678', firstName: 'Ann', lastName: 'Lee', email: 'ann.lee@example.com' },
  { phoneE164: '+61498765432', firstName: 'Mia', lastName: 'Nguyễn', email: null },
];

/** The names listContacts finds for what a person typed into the search box, as the form sends it. */
async function search(q: string, filters: Record<string, string> = {}): Promise<string[]> {
  const query = ContactQuerySchema.parse({ q, consent: '', tag: '', dnc: '', batch: '', ...filters });
  const { contacts } = await listContacts({ actor, query });
  return contacts.map((c) => `${c.firstName} ${c.lastName}`).sort();
}

beforeAll(async () => {
  const tenantId = (await createTenant('Search')).id;
  actor = await actorFor(await signedInMember(tenantId, 'STAFF'), 'STAFF');
  await db().contact.createMany({ data: PEOPLE.map((p) => ({ tenantId, ...p })) });
  // Someone else's Zoë must never show up.
  const other = (await createTenant('Other')).id;
  await db().contact.create({
    data: { tenantId: other, phoneE164: '+61412345601', firstName: 'Zoë', lastName: 'Other' },
  });
});

describe('contact search', () => {
  it('finds names whatever their accents: "zoe" finds Zoë, "garcia" García, "nguyen" Nguyễn', async () => {
    expect(await search('zoe')).toEqual(['Zoë Smith']);
    expect(await search('garcia')).toEqual(['José García']);
    expect(await search('GARCÍA')).toEqual(['José García']);
    expect(await search('jose garcia')).toEqual(['José García']);
    expect(await search('nguyen')).toEqual(['Mia Nguyễn']);
  });

  it("finds O’Brien (curly apostrophe) from O'Brien, o’brien or obrien", async () => {
    expect(await search("O'Brien")).toEqual(['Seán O’Brien']);
    expect(await search('o’brien')).toEqual(['Seán O’Brien']);
    expect(await search('obrien')).toEqual(['Seán O’Brien']);
    expect(await search('sean')).toEqual(['Seán O’Brien']);
  });

  it('finds a number however it is typed, whole or in part', async () => {
    expect(await search('0412 345 678')).toEqual(['Ann Lee']);
    expect(await search('+61412345678')).toEqual(['Ann Lee']);
    expect(await search('+61 412 345 678')).toEqual(['Ann Lee']);
    expect(await search('(04) 9876-5432')).toEqual(['Mia Nguyễn']);
    expect(await search('345 678')).toEqual(['Ann Lee']);
    expect(await search('0412 345 60')).toEqual(['José García', 'Seán O’Brien', 'Zoë Smith']);
  });

  it('finds e-mail addresses, and treats % and _ as the characters they are', async () => {
    expect(await search('ann.lee@')).toEqual(['Ann Lee']);
    expect(await search('%')).toEqual([]);
    expect(await search('_')).toEqual([]);
  });

  it('reads empty form fields as "any" and combines the ones that are set', async () => {
    expect(await search('')).toHaveLength(PEOPLE.length);
    expect(await search('zoe', { consent: 'UNKNOWN', dnc: 'exclude' })).toEqual(['Zoë Smith']);
    expect(await search('zoe', { consent: 'EXPLICIT' })).toEqual([]);
  });

  it('keeps the searchable text current when a contact changes, even if something writes it directly', async () => {
    await pgPool().query(
      `UPDATE contacts SET "lastName" = 'Ó Súilleabháin', "searchText" = 'nothing' WHERE "tenantId" = $1 AND "phoneE164" = $2`,
      [actor.tenantId, '+61412345678'],
    );
    expect(await search('o suilleabhain')).toEqual(['Ann Ó Súilleabháin']);
    expect(await search('nothing')).toEqual([]);
    await pgPool().query(`UPDATE contacts SET "lastName" = 'Lee' WHERE "tenantId" = $1 AND "phoneE164" = $2`, [
      actor.tenantId,
      '+61412345678',
    ]);
  });
});

describe('contact search on a large table', () => {
  it('uses the trigram index for the count and the page (EXPLAIN), not a scan of every contact', async () => {
    const tenantId = (await createTenant('Large')).id;
    await pgPool().query(
      `INSERT INTO contacts ("tenantId", "phoneE164", "firstName", "lastName", email)
       SELECT $1::uuid, '+614' || lpad(i::text, 8, '0'), 'Person' || i, 'Surname' || (i % 997), 'p' || i || '@example.com'
       FROM generate_series(1, 30000) AS i`,
      [tenantId],
    );
    await pgPool().query(
      `INSERT INTO contacts ("tenantId", "phoneE164", "firstName", "lastName") VALUES ($1::uuid, '+61499999999', 'Seán', 'O’Brien')`,
      [tenantId],
    );
    await pgPool().query('ANALYZE contacts');

    for (const q of ['obrien', '0499 999 999']) {
      const { where, values } = contactFilterSql({ tenantId, query: ContactQuerySchema.parse({ q }) });
      const plans = await Promise.all(
        [
          `SELECT count(*) FROM contacts c WHERE ${where}`,
          `SELECT c.id FROM contacts c WHERE ${where} ORDER BY c."createdAt" DESC, c.id DESC LIMIT 50`,
        ].map(async (sql) => {
          const { rows } = await pgPool().query<{ 'QUERY PLAN': string }>(`EXPLAIN ${sql}`, values);
          return rows.map((r) => r['QUERY PLAN']).join('\n');
        }),
      );
      for (const plan of plans) {
        expect(plan).toContain('Bitmap Index Scan on "contacts_searchText_idx"');
        expect(plan).not.toContain('Seq Scan');
      }
    }
  });
});
