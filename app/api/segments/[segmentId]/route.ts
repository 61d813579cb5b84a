import { NextResponse } from 'next/server';
import { deleteSegment } from '@/lib/segments/delete-segment';
import { getSegment } from '@/lib/segments/get-segment';
import { saveSegment } from '@/lib/segments/save-segment';
import { SegmentInputSchema } from '@/lib/segments/segment-schemas';
import { readJson, withSession } from '@/app/_http/with-session';

type Params = { segmentId: string };

export const GET = withSession<Params>('VIEWER', async (_req, { actor, params }) =>
  NextResponse.json({ segment: await getSegment({ actor, segmentId: params.segmentId }) }),
);

export const PATCH = withSession<Params>('STAFF', async (req, { actor, params }) => {
  const input = SegmentInputSchema.parse(await readJson(req));
  return NextResponse.json({ segment: await saveSegment({ actor, segmentId: params.segmentId, input }) });
});

export const DELETE = withSession<Params>('STAFF', async (_req, { actor, params }) => {
  await deleteSegment({ actor, segmentId: params.segmentId });
  return new Response(null, { status: 204 });
});
