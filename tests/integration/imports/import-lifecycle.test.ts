import { spawn } from 'node:child_process';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Actor } from '@/lib/auth/actor';
import { db } from '@/lib/db/client';
import { commitImport } from '@/lib/imports/commit-import';
import { exportRejects } from '@/lib/imports/export-rejects';
import { listImportRows } from '@/lib/imports/list-import-rows';
import { createTenant, signedInMember } from '../../support/fixtures';
import { STANDARD_MAPPING, actorFor, dryRunFile } from '../../support/import-fixtures';

const FILE = [
  'phone,first,last,consent,tags',
  '0412 345 678,Ann,Lee,yes,vip',
  '+61 412 345 679,Bob,Ray,implied,',
  '0412345678,Ann,Again,yes,',
  '(02) 9876 5432,Land,Line,yes,',
  'not a number,Bad,Phone,yes,',
  '0412 345 680,Cat,Doe,,',
  '0412 345 681,Dan,Ng,no,',
  '0412 345 682,Eve,Opt,yes,',
].join('\n');

async function batchCounts(batchId: string) {
  return db().importBatch.findUniqueOrThrow({
    where: { id: batchId },
    select: {
      status: true,
      totalRows: true,
      createCount: true,
      updateCount: true,
      unchangedCount: true,
      rejectCount: true,
      committedRows: true,
      error: true,
    },
  });
}

describe('importing a contact list', () => {
  let actor: Actor;

  beforeEach(async () => {
    const tenant = await createTenant('Importer');
    actor = await actorFor(await signedInMember(tenant.id, 'STAFF'), 'STAFF');
    await db().dncEntry.create({ data: { tenantId: actor.tenantId, phoneE164: '+61412345682', source: 'STOP_REPLY' } });
  });

  it('shows every decision with its reason in the dry run and writes no contact', async () => {
    const batchId = await dryRunFile(actor, FILE);
    expect(await batchCounts(batchId)).toMatchObject({
      status: 'ANALYSED',
      totalRows: 8,
      createCount: 2,
      updateCount: 0,
      unchangedCount: 0,
      rejectCount: 6,
    });
    const { rows } = await listImportRows({ actor, batchId, query: { page: 1 } });
    expect(rows.map((r) => [r.rowNumber, r.decision, r.reason])).toEqual([
      [2, 'CREATE', null],
      [3, 'CREATE', null],
      [4, 'REJECT', 'Duplicate: row 2 of this file has the same number.'],
      [5, 'REJECT', '+61298765432 is a landline and cannot receive SMS.'],
      [6, 'REJECT', 'Invalid phone "not a number": phone number contains letters or symbols.'],
      [7, 'REJECT', 'Missing consent: no consent recorded for this person.'],
      [8, 'REJECT', 'The file says this person did not consent ("no").'],
      [9, 'REJECT', 'On the do-not-contact list (opted out): it will not be imported or messaged.'],
    ]);
    expect(await db().contact.count({ where: { tenantId: actor.tenantId } })).toBe(0);
  });

  it('commits exactly what the dry run showed, with lineage and consent records', async () => {
    const batchId = await dryRunFile(actor, FILE);
    await commitImport({ tenantId: actor.tenantId, batchId, actorUserId: actor.userId });

    expect(await batchCounts(batchId)).toMatchObject({ status: 'COMMITTED', committedRows: 2 });
    const contacts = await db().contact.findMany({
      where: { tenantId: actor.tenantId },
      orderBy: { phoneE164: 'asc' },
      select: {
        phoneE164: true,
        firstName: true,
        lastName: true,
        tags: true,
        consentStatus: true,
        consentSource: true,
        imports: { select: { batchId: true, action: true } },
      },
    });
    expect(contacts).toEqual([
      {
        phoneE164: '+61412345678',
        firstName: 'Ann',
        lastName: 'Lee',
        tags: ['vip'],
        consentStatus: 'EXPLICIT',
        consentSource: 'signup form',
        imports: [{ batchId, action: 'CREATED' }],
      },
      {
        phoneE164: '+61412345679',
        firstName: 'Bob',
        lastName: 'Ray',
        tags: [],
        consentStatus: 'IMPLIED',
        consentSource: 'signup form',
        imports: [{ batchId, action: 'CREATED' }],
      },
    ]);
    expect(
      await db().consentEvent.count({ where: { tenantId: actor.tenantId, importBatchId: batchId, action: 'GRANTED' } }),
    ).toBe(2);
  });

  it("deletes a batch's rows with the batch, and every batch's rows with its workspace", async () => {
    const kept = await dryRunFile(actor, FILE);
    const deleted = await dryRunFile(actor, FILE);
    await db().importBatch.delete({ where: { id: deleted } });
    expect(await db().importRow.count({ where: { batchId: deleted } })).toBe(0);
    expect(await db().importRow.count({ where: { batchId: kept } })).toBe(8);

    await db().tenant.delete({ where: { id: actor.tenantId } });
    expect(await db().importRow.count({ where: { batchId: kept } })).toBe(0);
  });

  it('ignores the blank rows a spreadsheet leaves at the end of a file, neither importing nor rejecting them', async () => {
    const batchId = await dryRunFile(
      actor,
      'phone,first,last,consent,tags\n0412 345 001,Ann,,yes,\n0412 345 002,Bob,,yes,\n,,,,\n , ,,,\n,,,,\n',
    );
    expect(await batchCounts(batchId)).toMatchObject({ totalRows: 2, createCount: 2, rejectCount: 0 });
  });

  it('changes nothing when the same file is imported again', async () => {
    await commitImport({ tenantId: actor.tenantId, batchId: await dryRunFile(actor, FILE), actorUserId: actor.userId });
    const before = await db().contact.findMany({ where: { tenantId: actor.tenantId }, orderBy: { phoneE164: 'asc' } });

    const again = await dryRunFile(actor, FILE);
    expect(await batchCounts(again)).toMatchObject({
      createCount: 0,
      updateCount: 0,
      unchangedCount: 2,
      rejectCount: 6,
    });
    await commitImport({ tenantId: actor.tenantId, batchId: again, actorUserId: actor.userId });

    expect(await db().contact.findMany({ where: { tenantId: actor.tenantId }, orderBy: { phoneE164: 'asc' } })).toEqual(
      before,
    );
    expect(await db().contactImport.count({ where: { batchId: again } })).toBe(0);
  });

  it('updates an existing contact by adding what the file has, without blanking what it lacks', async () => {
    await db().contact.create({
      data: {
        tenantId: actor.tenantId,
        phoneE164: '+61412345678',
        firstName: 'Annie',
        email: 'annie@example.com',
        tags: ['old'],
        consentStatus: 'IMPLIED',
      },
    });
    const batchId = await dryRunFile(actor, 'phone,first,last,consent,tags\n0412345678,,Lee,yes,vip\n');
    expect(await batchCounts(batchId)).toMatchObject({ updateCount: 1 });
    await commitImport({ tenantId: actor.tenantId, batchId, actorUserId: actor.userId });
    const contact = await db().contact.findFirstOrThrow({
      where: { tenantId: actor.tenantId },
      select: { firstName: true, lastName: true, email: true, tags: true, consentStatus: true },
    });
    // Consent is not overwritten unless the user chose to.
    expect(contact).toEqual({
      firstName: 'Annie',
      lastName: 'Lee',
      email: 'annie@example.com',
      tags: ['old', 'vip'],
      consentStatus: 'IMPLIED',
    });
  });

  it('never re-consents an opted-out contact, even when overwriting consent is allowed', async () => {
    await db().contact.create({
      data: { tenantId: actor.tenantId, phoneE164: '+61412345690', consentStatus: 'UNKNOWN', optedOutAt: new Date() },
    });
    const batchId = await dryRunFile(actor, 'phone,first,last,consent,tags\n0412345690,Zed,,yes,\n', {
      ...STANDARD_MAPPING,
      overwriteConsent: true,
    });
    expect(await batchCounts(batchId)).toMatchObject({ rejectCount: 1, createCount: 0, updateCount: 0 });
    await commitImport({ tenantId: actor.tenantId, batchId, actorUserId: actor.userId });
    expect(
      await db().contact.findFirstOrThrow({
        where: { tenantId: actor.tenantId },
        select: { consentStatus: true, firstName: true },
      }),
    ).toEqual({ consentStatus: 'UNKNOWN', firstName: null });
  });

  it('skips a number that opted out between the dry run and the commit', async () => {
    const batchId = await dryRunFile(actor, FILE);
    await db().dncEntry.create({ data: { tenantId: actor.tenantId, phoneE164: '+61412345679', source: 'STOP_REPLY' } });
    await commitImport({ tenantId: actor.tenantId, batchId, actorUserId: actor.userId });
    expect(await db().contact.findMany({ where: { tenantId: actor.tenantId }, select: { phoneE164: true } })).toEqual([
      { phoneE164: '+61412345678' },
    ]);
  });

  it('exports the rejected rows with the original cells and a reason column', async () => {
    const batchId = await dryRunFile(actor, FILE);
    let csv = '';
    for await (const part of exportRejects({ actor, batchId })) csv += part;
    const lines = csv.trim().split('\r\n');
    expect(lines[0]).toBe('row,phone,first,last,consent,tags,reason');
    expect(lines).toHaveLength(7);
    expect(lines[1]).toBe('4,0412345678,Ann,Again,yes,,Duplicate: row 2 of this file has the same number.');
    expect(lines[3]).toBe(
      '6,not a number,Bad,Phone,yes,,"Invalid phone ""not a number"": phone number contains letters or symbols."',
    );
  });

  it('exports rejected cells a spreadsheet would run as formulas as text', async () => {
    const file = [
      'phone,first,last,consent,tags',
      '(02) 9876 5432,@SUM(1+1),"=HYPERLINK(""http://evil.example"",""x"")",yes,-vip',
    ].join('\n');
    const batchId = await dryRunFile(actor, file);
    let csv = '';
    for await (const part of exportRejects({ actor, batchId })) csv += part;
    expect(csv.split('\r\n')).toEqual([
      'row,phone,first,last,consent,tags,reason',
      `2,(02) 9876 5432,'@SUM(1+1),"'=HYPERLINK(""http://evil.example"",""x"")",yes,'-vip,'+61298765432 is a landline and cannot receive SMS.`,
      '',
    ]);
  });

  it('resumes a commit killed part way to exactly the dry run result, with no duplicate contact', async () => {
    const rows = Array.from({ length: 10000 }, (_, i) => `04${String(20000000 + i * 7).padStart(8, '0')},P${i},,yes,`);
    const batchId = await dryRunFile(actor, `phone,first,last,consent,tags\n${rows.join('\n')}\n`);
    const { createCount } = await batchCounts(batchId);

    // Node itself, not npx: SIGKILL must reach the process doing the work.
    const child = spawn(
      process.execPath,
      [
        '--conditions=react-server',
        '--import',
        'tsx',
        path.resolve(import.meta.dirname, '../../support/commit-import-child.ts'),
        actor.tenantId,
        batchId,
        '50',
      ],
      {
        env: { ...process.env },
        stdio: 'ignore',
      },
    );
    for (let i = 0; i < 600; i += 1) {
      if ((await batchCounts(batchId)).committedRows > 0) break;
      await new Promise((r) => setTimeout(r, 10));
    }
    child.kill('SIGKILL');
    await new Promise((r) => child.on('exit', r));
    // A COMMIT already on the wire still completes after the kill; wait for the server to settle.
    let partial = await batchCounts(batchId);
    for (;;) {
      await new Promise((r) => setTimeout(r, 300));
      const again = await batchCounts(batchId);
      if (again.committedRows === partial.committedRows) break;
      partial = again;
    }
    expect(partial.status).toBe('COMMITTING');
    expect(partial.committedRows).toBeGreaterThan(0);
    expect(partial.committedRows).toBeLessThan(createCount);
    expect(await db().contact.count({ where: { tenantId: actor.tenantId } })).toBe(partial.committedRows);

    await commitImport({ tenantId: actor.tenantId, batchId, actorUserId: actor.userId });

    expect(await batchCounts(batchId)).toMatchObject({ status: 'COMMITTED', committedRows: createCount });
    expect(await db().contact.count({ where: { tenantId: actor.tenantId } })).toBe(createCount);
    expect(await db().contactImport.count({ where: { batchId } })).toBe(createCount);
    expect(await db().importRow.count({ where: { batchId, decision: 'CREATE', applied: false } })).toBe(0);
    expect(await db().consentEvent.count({ where: { importBatchId: batchId } })).toBe(createCount);
  }, 60_000);
});
