import { NextResponse } from 'next/server';
import { StartBulkActionSchema } from '@/lib/contacts/bulk-action-schemas';
import { runBulkAction } from '@/lib/contacts/run-bulk-action';
import { startBulkAction } from '@/lib/contacts/start-bulk-action';
import { runAfterResponse } from '@/app/_http/run-after-response';
import { readJson, withSession } from '@/app/_http/with-session';

/** Tags, opts out or deletes every contact the filter matches; the page follows its progress. */
export const POST = withSession('STAFF', async (req, { actor }) => {
  const input = StartBulkActionSchema.parse(await readJson(req));
  const started = await startBulkAction({ actor, input });
  runAfterResponse('bulk action', async () => {
    await runBulkAction({ bulkActionId: started.id });
  });
  return NextResponse.json({ bulkAction: started }, { status: 202 });
});
