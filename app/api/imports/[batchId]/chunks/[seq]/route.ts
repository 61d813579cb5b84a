import { NextResponse } from 'next/server';
import { BatchIdSchema, ChunkSeqSchema } from '@/lib/imports/schemas';
import { storeImportChunk } from '@/lib/imports/store-import-chunk';
import { withSession } from '@/app/_http/with-session';

/** One piece (up to 4 MB) of an upload, as raw bytes. */
export const PUT = withSession<{ batchId: string; seq: string }>('STAFF', async (req, { actor, params }) => {
  const data = new Uint8Array(await req.arrayBuffer());
  await storeImportChunk({
    actor,
    batchId: BatchIdSchema.parse(params.batchId),
    seq: ChunkSeqSchema.parse(params.seq),
    data,
  });
  return new NextResponse(null, { status: 204 });
});
