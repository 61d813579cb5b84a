import { beforeEach, describe, expect, it } from 'vitest';
import { POST as analyse } from '@/app/api/imports/[batchId]/analyse/route';
import { PUT as putChunk } from '@/app/api/imports/[batchId]/chunks/[seq]/route';
import { POST as createImport } from '@/app/api/imports/route';
import type { Actor } from '@/lib/auth/actor';
import { db } from '@/lib/db/client';
import { analyseImport } from '@/lib/imports/analyse-import';
import { runDryRun } from '@/lib/imports/run-dry-run';
import { MAX_CHUNK_BYTES } from '@/lib/imports/schemas';
import { startDryRun } from '@/lib/imports/start-dry-run';
import { callRoute, createTenant, signedInMember, type SignedInMember } from '../../support/fixtures';
import { STANDARD_MAPPING, actorFor, dryRunFile, uploadFile } from '../../support/import-fixtures';

async function nothingWritten(tenantId: string) {
  const [contacts, rows, chunks] = await Promise.all([
    db().contact.count({ where: { tenantId } }),
    db().importRow.count({ where: { tenantId } }),
    db().importFileChunk.count({ where: { tenantId } }),
  ]);
  return { contacts, rows, chunks };
}

describe('bad files', () => {
  let staff: SignedInMember;
  let actor: Actor;

  beforeEach(async () => {
    const tenant = await createTenant('Bad files');
    staff = await signedInMember(tenant.id, 'STAFF');
    actor = await actorFor(staff, 'STAFF');
  });

  /** Uploads through the API as the browser does and returns the analyse answer. */
  async function uploadThroughApi(bytes: Uint8Array) {
    const created = await callRoute(createImport, {
      method: 'POST',
      path: '/api/imports',
      cookie: staff.cookie,
      body: { fileName: 'list.csv', fileSize: bytes.length },
    });
    const { batch } = await created.json();
    for (let seq = 0; seq * MAX_CHUNK_BYTES < bytes.length; seq += 1) {
      const req = new Request(`http://localhost:3000/api/imports/${batch.id}/chunks/${seq}`, {
        method: 'PUT',
        headers: { cookie: staff.cookie, origin: 'http://localhost:3000', 'content-type': 'application/octet-stream' },
        body: Buffer.from(bytes.subarray(seq * MAX_CHUNK_BYTES, (seq + 1) * MAX_CHUNK_BYTES)),
      });
      expect((await putChunk(req, { params: Promise.resolve({ batchId: batch.id, seq: String(seq) }) })).status).toBe(
        204,
      );
    }
    const res = await callRoute(analyse, {
      method: 'POST',
      path: `/api/imports/${batch.id}/analyse`,
      cookie: staff.cookie,
      params: { batchId: batch.id },
    });
    return { res, body: await res.json(), batchId: batch.id as string };
  }

  it('refuses an empty file before anything is stored', async () => {
    const res = await callRoute(createImport, {
      method: 'POST',
      path: '/api/imports',
      cookie: staff.cookie,
      body: { fileName: 'empty.csv', fileSize: 0 },
    });
    expect(res.status).toBe(422);
    expect((await res.json()).error.message).toContain('The file is empty.');
    expect(await db().importBatch.count({ where: { tenantId: staff.tenantId } })).toBe(0);
  });

  it.each([
    ['a header without rows', 'phone,first\n', 'The file has a header row but no contacts under it.'],
    ['a 10 MB single line', 'x'.repeat(10 * 1024 * 1024), 'longer than 1 MB'],
    ['binary garbage', Buffer.from(Array.from({ length: 50_000 }, (_, i) => (i * 131 + 7) % 256)), 'not text'],
    [
      'an Excel workbook',
      Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(2000, 1)]),
      'Excel workbook',
    ],
    ['a web page', '<!doctype html><html><head><title>Contacts</title></head><body></body></html>', 'web page'],
  ])(
    'answers %s with a clear 422 and keeps nothing of it, not even a failed import',
    async (_name, content, message) => {
      const bytes = typeof content === 'string' ? new TextEncoder().encode(content) : content;
      const { res, body, batchId } = await uploadThroughApi(bytes);
      expect(res.status).toBe(422);
      expect(body.error.message).toContain(message);
      expect(await nothingWritten(staff.tenantId)).toEqual({ contacts: 0, rows: 0, chunks: 0 });
      expect(await db().importBatch.findUnique({ where: { id: batchId } })).toBeNull();
    },
  );

  it('fails the dry run of a file with an unclosed quote, explaining it, and keeps no rows', async () => {
    const batchId = await dryRunFile(
      actor,
      'phone,first,last,consent,tags\n0412345678,Ann,Lee,yes,\n0412345679,"Bob,Ray,yes,\n0412345680,Cat,Doe,yes,\n',
    );
    const batch = await db().importBatch.findUniqueOrThrow({
      where: { id: batchId },
      select: { status: true, error: true },
    });
    expect(batch.status).toBe('FAILED');
    expect(batch.error).toContain('A quote (") opened in the file is never closed');
    expect(await db().importRow.count({ where: { batchId } })).toBe(0);
    expect(await db().contact.count({ where: { tenantId: actor.tenantId } })).toBe(0);
  });

  it('reads a file whose lines end in a mix of CRLF, LF and CR', async () => {
    const batchId = await dryRunFile(
      actor,
      'phone,first,last,consent,tags\r\n0412345678,Ann,,yes,\n0412345679,Bob,,yes,\r0412345680,Cat,,yes,\r\n',
    );
    expect(
      await db().importBatch.findUniqueOrThrow({
        where: { id: batchId },
        select: { status: true, createCount: true, rejectCount: true },
      }),
    ).toEqual({ status: 'ANALYSED', createCount: 3, rejectCount: 0 });
  });

  it('decodes characters split across upload pieces', async () => {
    // The bulk sits in a column the mapping leaves out, longer than any contact field keeps.
    const big = (i: number) => `041234560${i},Ann,,yes,,${'x'.repeat(900_000)}\n`;
    const before = `phone,first,last,consent,tags,notes\n${[1, 2, 3, 4].map(big).join('')}0412345670,Bob,,yes,,`;
    const next = '\n0412345678,';
    // Puts the two bytes of "é" on either side of the first piece's end.
    const padding = 'y'.repeat(MAX_CHUNK_BYTES - 1 - Buffer.byteLength(before) - next.length);
    const text = `${before}${padding}${next}é,,yes,,\n0412345679,Zoë,,yes,,\n`;
    expect(
      Buffer.from(text)
        .subarray(MAX_CHUNK_BYTES - 1, MAX_CHUNK_BYTES + 1)
        .toString(),
    ).toBe('é');
    const batchId = await uploadFile(actor, text);
    await analyseImport({ actor, batchId });
    await startDryRun({ actor, batchId, mapping: STANDARD_MAPPING });
    await runDryRun({ tenantId: actor.tenantId, batchId });
    const rows = await db().importRow.findMany({
      where: { batchId },
      orderBy: { rowNumber: 'asc' },
      select: { raw: true, decision: true },
    });
    expect(
      rows.slice(-2).map((r) => (r.raw as { contact: { firstName: string } }).contact.firstName.slice(-2)),
    ).toEqual(['é', 'oë']);
    expect(rows.map((r) => r.decision)).toEqual(Array(7).fill('CREATE'));
  });
  it('leaves a UTF-8 byte-order mark out of the first cell', async () => {
    // A rejected row keeps its cells as they were, untrimmed, for the rejects download.
    const batchId = await dryRunFile(actor, '\ufeffAnn,12,yes\nBob,0412345678,yes\n', {
      ...STANDARD_MAPPING,
      fields: { firstName: 0, phone: 1, consentStatus: 2 },
      hasHeader: false,
    });
    const row = await db().importRow.findFirstOrThrow({
      where: { batchId, rowNumber: 1 },
      select: { raw: true, decision: true },
    });
    expect(row).toEqual({ decision: 'REJECT', raw: { cells: ['Ann', '12', 'yes'] } });
  });

  it('decodes a Windows-1252 file as such', async () => {
    const latin = Uint8Array.from([
      ...Buffer.from('phone,first,last,consent,tags\n0412345678,Ren'),
      0xe9,
      ...Buffer.from(',,yes,\n'),
    ]);
    const batchId = await uploadFile(actor, latin);
    await analyseImport({ actor, batchId });
    await startDryRun({ actor, batchId, mapping: STANDARD_MAPPING });
    await runDryRun({ tenantId: actor.tenantId, batchId });
    const row = await db().importRow.findFirstOrThrow({ where: { batchId }, select: { raw: true } });
    expect((row.raw as { contact: { firstName: string } }).contact.firstName).toBe('René');
  });
});
