import { beforeEach, describe, expect, it } from 'vitest';
import type { Actor } from '@/lib/auth/actor';
import { db } from '@/lib/db/client';
import { commitImport } from '@/lib/imports/commit-import';
import { listImportRows } from '@/lib/imports/list-import-rows';
import { createTenant, signedInMember } from '../../support/fixtures';
import { STANDARD_MAPPING, actorFor, dryRunFile } from '../../support/import-fixtures';

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
});
