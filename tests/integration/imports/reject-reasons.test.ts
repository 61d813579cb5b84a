import { beforeEach, describe, expect, it } from 'vitest';
import type { Actor } from '@/lib/auth/actor';
import { getImportBatch } from '@/lib/imports/get-import-batch';
import { listImportRows } from '@/lib/imports/list-import-rows';
import { ImportRowQuerySchema } from '@/lib/imports/schemas';
import { createTenant, signedInMember } from '../../support/fixtures';
import { actorFor, dryRunFile } from '../../support/import-fixtures';

describe('rejected rows by reason', () => {
  let actor: Actor;
  beforeEach(async () => {
    const tenant = await createTenant('Rejects');
    actor = await actorFor(await signedInMember(tenant.id, 'STAFF'), 'STAFF');
  });

  it('counts the rejects of a dry run by reason, most common first (then by name), and lists the rows of one reason', async () => {
    const batchId = await dryRunFile(
      actor,
      [
        'phone,first,last,consent,tags',
        '0412 345 001,Ann,,yes,',
        '0412 345 002,Bob,,,',
        '0412 345 003,Cy,,,',
        '0412 345 001,Ann again,,yes,',
        '02 9374 4000,Shop,,yes,',
        '',
      ].join('\n'),
    );
    const batch = await getImportBatch({ actor, batchId });
    expect(batch.rejectReasons).toEqual([
      { code: 'missing_consent', label: 'Missing consent', count: 2 },
      { code: 'not_mobile', label: 'Not a mobile number', count: 1 },
      { code: 'duplicate', label: 'Same number as an earlier row', count: 1 },
    ]);
    const missing = await listImportRows({
      actor,
      batchId,
      query: ImportRowQuerySchema.parse({ reason: 'missing_consent' }),
    });
    expect(missing.total).toBe(2);
    expect(missing.rows.map((r) => r.rowNumber)).toEqual([3, 4]);
    expect(ImportRowQuerySchema.safeParse({ reason: 'because' }).error?.issues[0].message).toBe(
      'Unknown reason for rejecting a row.',
    );
  });
});
