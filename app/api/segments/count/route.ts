import { NextResponse } from 'next/server';
import { countAudience } from '@/lib/audiences/count-audience';
import { SegmentCountRequestSchema } from '@/lib/segments/segment-schemas';
import { readJson, withSession } from '@/app/_http/with-session';

/** How many contacts a definition selects and how many of them can be messaged, as it is being built. */
export const POST = withSession('VIEWER', async (req, { actor }) => {
  const { definition } = SegmentCountRequestSchema.parse(await readJson(req));
  return NextResponse.json(await countAudience({ actor, audience: { kind: 'definition', definition } }));
});
