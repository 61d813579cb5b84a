import { NextResponse } from 'next/server';
import { listImportRows } from '@/lib/imports/list-import-rows';
import { BatchIdSchema, ImportRowQuerySchema } from '@/lib/imports/schemas';
import { withSession } from '@/app/_http/with-session';

export const GET = withSession<{ batchId: string }>('VIEWER', async (req, { actor, params }) => {
  const query = ImportRowQuerySchema.parse(Object.fromEntries(new URL(req.url).searchParams));
  return NextResponse.json(await listImportRows({ actor, batchId: BatchIdSchema.parse(params.batchId), query }));
});
