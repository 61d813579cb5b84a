import { NextResponse } from 'next/server';
import { listSegments } from '@/lib/segments/list-segments';
import { saveSegment } from '@/lib/segments/save-segment';
import { SegmentInputSchema } from '@/lib/segments/segment-schemas';
import { readJson, withSession } from '@/app/_http/with-session';

export const GET = withSession('VIEWER', async (_req, { actor }) =>
  NextResponse.json({ segments: await listSegments({ actor }) }),
);

export const POST = withSession('STAFF', async (req, { actor }) => {
  const input = SegmentInputSchema.parse(await readJson(req));
  return NextResponse.json({ segment: await saveSegment({ actor, input }) }, { status: 201 });
});
