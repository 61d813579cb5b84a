import { NextResponse } from 'next/server';
import { getImportBatch } from '@/lib/imports/get-import-batch';
import { BatchIdSchema } from '@/lib/imports/schemas';
import { withSession } from '@/app/_http/with-session';

export const GET = withSession<{ batchId: string }>('VIEWER', async (_req, { actor, params }) =>
  NextResponse.json({ batch: await getImportBatch({ actor, batchId: BatchIdSchema.parse(params.batchId) }) }),
);
