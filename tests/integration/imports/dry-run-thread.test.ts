import { beforeEach, describe, expect, it } from 'vitest';
import { db } from '@/lib/db/client';
import type { Actor } from '@/lib/auth/actor';
import { analyseImport } from '@/lib/imports/analyse-import';
import { runDryRunInWorker } from '@/lib/imports/run-dry-run-in-worker';
import { startDryRun } from '@/lib/imports/start-dry-run';
import { createTenant, signedInMember } from '../../support/fixtures';
import { STANDARD_MAPPING, actorFor, contactList, uploadFile } from '../../support/import-fixtures';

describe('a dry run on a thread of its own', () => {
  let actor: Actor;

  beforeEach(async () => {
    const tenant = await createTenant('Threaded dry runs');
    actor = await actorFor(await signedInMember(tenant.id, 'STAFF'), 'STAFF');
  });

  const batch = (batchId: string) =>
    db().importBatch.findUniqueOrThrow({
      where: { id: batchId },
      select: { status: true, createCount: true, rejectCount: true, error: true },
    });

  it('decides every row of the file and ends with the batch ready to commit', async () => {
    const batchId = await uploadFile(actor, `${contactList(2_000)}not a phone,X,Y,yes,\n`);
    await analyseImport({ actor, batchId });
    await startDryRun({ actor, batchId, mapping: STANDARD_MAPPING });

    await runDryRunInWorker({ tenantId: actor.tenantId, batchId });

    expect(await batch(batchId)).toEqual({ status: 'ANALYSED', createCount: 2_000, rejectCount: 1, error: null });
    expect(await db().importRow.count({ where: { batchId } })).toBe(2_001);
  });

  it('marks a dry run whose thread runs out of memory FAILED with a reason, keeps none of its decisions, and lets it run again', async () => {
    const batchId = await uploadFile(actor, contactList(40_000));
    await analyseImport({ actor, batchId });
    await startDryRun({ actor, batchId, mapping: STANDARD_MAPPING });

    // A heap far too small for the rows: V8 ends the thread, not the server.
    await runDryRunInWorker({ tenantId: actor.tenantId, batchId, heapMb: 6 });

    expect(await batch(batchId)).toEqual({
      status: 'FAILED',
      createCount: 0,
      rejectCount: 0,
      error:
        'The dry run ran out of memory: the file has rows too large to check. Split it into smaller files or remove unused columns.',
    });
    expect(await db().importRow.count({ where: { batchId } })).toBe(0);

    await startDryRun({ actor, batchId, mapping: STANDARD_MAPPING });
    await runDryRunInWorker({ tenantId: actor.tenantId, batchId });
    expect(await batch(batchId)).toEqual({ status: 'ANALYSED', createCount: 40_000, rejectCount: 0, error: null });
  }, 60_000);
});
