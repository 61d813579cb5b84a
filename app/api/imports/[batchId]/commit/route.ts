import { NextResponse } from 'next/server';
import { commitImport } from '@/lib/imports/commit-import';
import { BatchIdSchema } from '@/lib/imports/schemas';
import { startCommit } from '@/lib/imports/start-commit';
import { runAfterResponse } from '@/app/_http/run-after-response';
import { withSession } from '@/app/_http/with-session';

export const maxDuration = 300;

/** Commits a dry-run batch, or resumes a commit that stopped part way. */
export const POST = withSession<{ batchId: string }>('STAFF', async (_req, { actor, params }) => {
  const batchId = BatchIdSchema.parse(params.batchId);
  await startCommit({ actor, batchId });
  runAfterResponse('import commit', () =>
    commitImport({ tenantId: actor.tenantId, batchId, actorUserId: actor.userId }),
  );
  return NextResponse.json({ batchId, status: 'COMMITTING' }, { status: 202 });
});
