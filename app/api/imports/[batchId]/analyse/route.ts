import { NextResponse } from 'next/server';
import { analyseImport } from '@/lib/imports/analyse-import';
import { BatchIdSchema } from '@/lib/imports/schemas';
import { withSession } from '@/app/_http/with-session';

export const POST = withSession<{ batchId: string }>('STAFF', async (_req, { actor, params }) =>
  NextResponse.json(await analyseImport({ actor, batchId: BatchIdSchema.parse(params.batchId) })),
);
