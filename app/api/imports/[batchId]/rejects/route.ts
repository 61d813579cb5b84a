import { exportRejects } from '@/lib/imports/export-rejects';
import { BatchIdSchema } from '@/lib/imports/schemas';
import { csvDownload } from '@/app/_http/csv-download';
import { withSession } from '@/app/_http/with-session';

/** The rejected rows as a CSV download, streamed; they hold people's details, so staff only. */
export const GET = withSession<{ batchId: string }>('STAFF', async (_req, { actor, params }) => {
  const batchId = BatchIdSchema.parse(params.batchId);
  return csvDownload(exportRejects({ actor, batchId }), `rejected-rows-${batchId}.csv`);
});
