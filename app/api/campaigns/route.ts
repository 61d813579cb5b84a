import { NextResponse } from 'next/server';
import { createCampaign } from '@/lib/campaigns/create-campaign';
import { listCampaigns } from '@/lib/campaigns/list-campaigns';
import { CampaignInputSchema } from '@/lib/campaigns/schemas';
import { readJson, withSession } from '@/app/_http/with-session';

export const GET = withSession('VIEWER', async (_req, { actor }) =>
  NextResponse.json({ campaigns: await listCampaigns({ actor }) }),
);

export const POST = withSession('STAFF', async (req, { actor }) => {
  const input = CampaignInputSchema.parse(await readJson(req));
  return NextResponse.json({ campaign: await createCampaign({ actor, input }) }, { status: 201 });
});
