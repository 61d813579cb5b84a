import { beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '@/lib/auth/actor';
import { ContactQuerySchema } from '@/lib/contacts/contact-query';
import { getContact } from '@/lib/contacts/get-contact';
import { listContacts } from '@/lib/contacts/list-contacts';
import { db } from '@/lib/db/client';
import { getImportBatch } from '@/lib/imports/get-import-batch';
import { listImportRows } from '@/lib/imports/list-import-rows';
import { createTenant, signedInMember } from '../../support/fixtures';
import { actorFor, dryRunFile } from '../../support/import-fixtures';

let staff: Actor;
let viewer: Actor;
let contactId: string;
let batchId: string;

const ALL = ContactQuerySchema.parse({});

beforeAll(async () => {
  const tenantId = (await createTenant('Privacy')).id;
  staff = await actorFor(await signedInMember(tenantId, 'STAFF'), 'STAFF');
  viewer = await actorFor(await signedInMember(tenantId, 'VIEWER'), 'VIEWER');
  contactId = (
    await db().contact.create({
      data: {
        tenantId,
        phoneE164: '+61412345678',
        firstName: 'Ann',
        lastName: 'Lee',
        email: 'ann.lee@example.com',
        customFields: { store: 'Fitzroy' },
      },
    })
  ).id;
  batchId = await dryRunFile(
    staff,
    'phone,first,last,consent,tags\n0498765432,Mia,Nguyen,explicit,vip\nnot-a-phone,Bo,,,\n',
  );
});

describe('what a viewer sees of people', () => {
  it('lists contacts by name with the phone number masked; staff see the number', async () => {
    const seen = (await listContacts({ actor: viewer, query: ALL })).contacts[0];
    expect(seen).toMatchObject({ firstName: 'Ann', lastName: 'Lee', phoneE164: '+61 4•• ••• 678' });
    expect((await listContacts({ actor: staff, query: ALL })).contacts[0].phoneE164).toBe('+61412345678');
  });

  it('shows a contact without e-mail or custom fields, and says they are hidden', async () => {
    const seen = await getContact({ actor: viewer, contactId });
    expect(seen).toMatchObject({
      phoneE164: '+61 4•• ••• 678',
      email: null,
      customFields: {},
      personalDataHidden: true,
    });
    expect(await getContact({ actor: staff, contactId })).toMatchObject({
      phoneE164: '+61412345678',
      email: 'ann.lee@example.com',
      customFields: { store: 'Fitzroy' },
      personalDataHidden: false,
    });
  });

  it("shows an import's row outcomes without what the rows said, and no file preview", async () => {
    const { rows } = await listImportRows({ actor: viewer, batchId, query: { page: 1 } });
    expect(rows.map((r) => [r.rowNumber, r.decision, r.phoneE164, r.cells])).toEqual([
      [2, 'CREATE', '+61 4•• ••• 432', []],
      [3, 'REJECT', null, []],
    ]);
    const staffRows = await listImportRows({ actor: staff, batchId, query: { page: 1 } });
    expect(staffRows.rows[0].cells).toContain('Mia');
    expect((await getImportBatch({ actor: viewer, batchId })).format?.preview).toEqual([]);
    expect((await getImportBatch({ actor: staff, batchId })).format?.preview.length).toBeGreaterThan(0);
  });
});
