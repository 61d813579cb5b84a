import { NextResponse } from 'next/server';
import { runDryRunInWorker } from '@/lib/imports/run-dry-run-in-worker';
import { BatchIdSchema, StartDryRunSchema } from '@/lib/imports/schemas';
import { startDryRun } from '@/lib/imports/start-dry-run';
import { runAfterResponse } from '@/app/_http/run-after-response';
import { readJson, withSession } from '@/app/_http/with-session';

export const maxDuration = 300;

export const POST = withSession<{ batchId: string }>('STAFF', async (req, { actor, params }) => {
  const batchId = BatchIdSchema.parse(params.batchId);
  const { mapping } = StartDryRunSchema.parse(await readJson(req));
  await startDryRun({ actor, batchId, mapping });
  runAfterResponse('import dry run', () => runDryRunInWorker({ tenantId: actor.tenantId, batchId }));
  return NextResponse.json({ batchId, status: 'ANALYSING' }, { status: 202 });
});
