import { NextResponse } from 'next/server';
import { countAudience } from '@/lib/audiences/count-audience';
import { AudienceSizeRequestSchema } from '@/lib/campaigns/schemas';
import { readJson, withSession } from '@/app/_http/with-session';

export const POST = withSession('VIEWER', async (req, { actor }) => {
  const { audience } = AudienceSizeRequestSchema.parse(await readJson(req));
  return NextResponse.json(await countAudience({ actor, audience }));
});
