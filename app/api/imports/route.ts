import { NextResponse } from 'next/server';
import { createImportBatch } from '@/lib/imports/create-import-batch';
import { listImportBatches } from '@/lib/imports/list-import-batches';
import { CreateImportSchema } from '@/lib/imports/schemas';
import { readJson, withSession } from '@/app/_http/with-session';

export const GET = withSession('VIEWER', async (_req, { actor }) =>
  NextResponse.json({ batches: await listImportBatches({ actor }) }),
);

export const POST = withSession('STAFF', async (req, { actor }) => {
  const input = CreateImportSchema.parse(await readJson(req));
  return NextResponse.json({ batch: await createImportBatch({ actor, input }) }, { status: 201 });
});
