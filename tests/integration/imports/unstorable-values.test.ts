import { randomBytes } from 'node:crypto';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Actor } from '@/lib/auth/actor';
import { db } from '@/lib/db/client';
import { commitImport } from '@/lib/imports/commit-import';
import { exportRejects } from '@/lib/imports/export-rejects';
import { listImportRows } from '@/lib/imports/list-import-rows';
import { createTenant, signedInMember } from '../../support/fixtures';
import { STANDARD_MAPPING, actorFor, dryRunFile } from '../../support/import-fixtures';

const HEADER = 'phone,first,last,consent,tags';

async function decisions(actor: Actor, batchId: string) {
  const { rows } = await listImportRows({ actor, batchId, query: { page: 1 } });
  return rows.map((r) => [r.rowNumber, r.decision, r.reason]);
}

async function batchState(batchId: string) {
  return db().importBatch.findUniqueOrThrow({
    where: { id: batchId },
    select: { status: true, createCount: true, rejectCount: true, committedRows: true, error: true },
  });
}

async function phones(tenantId: string) {
  const contacts = await db().contact.findMany({
    where: { tenantId },
    orderBy: { phoneE164: 'asc' },
    select: { phoneE164: true },
  });
  return contacts.map((c) => c.phoneE164);
}

describe('values the database would refuse', () => {
  let actor: Actor;

  beforeEach(async () => {
    const tenant = await createTenant('Unstorable');
    actor = await actorFor(await signedInMember(tenant.id, 'STAFF'), 'STAFF');
  });

  it('rejects a consent date of 0000-01-01 in the dry run, with its reason, and commits the other rows', async () => {
    const batchId = await dryRunFile(
      actor,
      [
        'phone,first,consent,consent date',
        '0412345678,Ann,yes,25/11/2025',
        '0412345679,Bob,yes,0000-01-01',
        '0412345680,Cat,yes,2025-11-25',
      ].join('\n'),
      { ...STANDARD_MAPPING, fields: { phone: 0, firstName: 1, consentStatus: 2, consentDate: 3 } },
    );

    expect(await decisions(actor, batchId)).toEqual([
      [2, 'CREATE', null],
      [3, 'REJECT', 'Consent date "0000-01-01" is before 1900, so it cannot be when this person consented.'],
      [4, 'CREATE', null],
    ]);
    await commitImport({ tenantId: actor.tenantId, batchId, actorUserId: actor.userId });
    expect(await batchState(batchId)).toMatchObject({ status: 'COMMITTED', committedRows: 2, error: null });
    expect(
      await db().contact.findMany({
        where: { tenantId: actor.tenantId },
        orderBy: { phoneE164: 'asc' },
        select: { phoneE164: true, consentAt: true },
      }),
    ).toEqual([
      { phoneE164: '+61412345678', consentAt: new Date('2025-11-25T00:00:00Z') },
      { phoneE164: '+61412345680', consentAt: new Date('2025-11-25T00:00:00Z') },
    ]);
  });

  it('rejects only the row with a NUL byte, and the rejects download still shows it', async () => {
    const batchId = await dryRunFile(
      actor,
      [
        HEADER,
        '0412345678,Ann,Lee,yes,',
        '0412345679,Bo\u0000b,Ray,yes,',
        '0412\u0000345680,Cat,Doe,yes,',
        '0412345681,Dan,Ng,yes,vip',
      ].join('\n'),
    );

    expect(await batchState(batchId)).toMatchObject({ status: 'ANALYSED', createCount: 2, rejectCount: 2 });
    expect(await decisions(actor, batchId)).toEqual([
      [2, 'CREATE', null],
      [
        3,
        'REJECT',
        'First name contains an invisible NUL character (shown as ␀), which cannot be saved. Remove it from the file and import this row again.',
      ],
      [4, 'REJECT', 'Invalid phone "0412␀345680": phone number contains letters or symbols.'],
      [5, 'CREATE', null],
    ]);
    let csv = '';
    for await (const part of exportRejects({ actor, batchId })) csv += part;
    expect(csv.split('\r\n').slice(1, 3)).toEqual([
      '3,0412345679,Bo␀b,Ray,yes,,"First name contains an invisible NUL character (shown as ␀), which cannot be saved. Remove it from the file and import this row again."',
      '4,0412␀345680,Cat,Doe,yes,,"Invalid phone ""0412␀345680"": phone number contains letters or symbols."',
    ]);

    await commitImport({ tenantId: actor.tenantId, batchId, actorUserId: actor.userId });
    expect(await batchState(batchId)).toMatchObject({ status: 'COMMITTED', committedRows: 2 });
    expect(await phones(actor.tenantId)).toEqual(['+61412345678', '+61412345681']);
  });

  it('rejects values longer than a contact can keep, with the reason, and commits the other rows', async () => {
    // Random text does not compress, so a tag this long is past what the tags index can hold.
    const longTag = randomBytes(1500).toString('hex');
    const batchId = await dryRunFile(
      actor,
      [
        HEADER,
        `0412345678,Ann,Lee,yes,vip;${longTag}`,
        `0412345679,${'B'.repeat(101)},Ray,yes,`,
        '0412345680,Cat,Doe,yes,vip',
      ].join('\n'),
    );

    expect(await decisions(actor, batchId)).toEqual([
      [2, 'REJECT', `Tag "${longTag.slice(0, 20)}…" is 3,000 characters long; at most 60 can be saved.`],
      [3, 'REJECT', 'First name is 101 characters long; at most 100 can be saved.'],
      [4, 'CREATE', null],
    ]);
    await commitImport({ tenantId: actor.tenantId, batchId, actorUserId: actor.userId });
    expect(await batchState(batchId)).toMatchObject({ status: 'COMMITTED', committedRows: 1 });
    expect(await phones(actor.tenantId)).toEqual(['+61412345680']);
  });
});
