import { exportRejects } from '@/lib/imports/export-rejects';
import { BatchIdSchema } from '@/lib/imports/schemas';
import { withSession } from '@/app/_http/with-session';

/** The rejected rows as a CSV download, streamed; they hold people's details, so staff only. */
export const GET = withSession<{ batchId: string }>('STAFF', async (_req, { actor, params }) => {
  const batchId = BatchIdSchema.parse(params.batchId);
  const lines = exportRejects({ actor, batchId });
  const first = await lines.next();
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      if (!first.done) controller.enqueue(encoder.encode(`\uFEFF${first.value}`));
    },
    async pull(controller) {
      const next = await lines.next();
      if (next.done) controller.close();
      else controller.enqueue(encoder.encode(next.value));
    },
  });
  return new Response(body, {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="rejected-rows-${batchId}.csv"`,
    },
  });
});
