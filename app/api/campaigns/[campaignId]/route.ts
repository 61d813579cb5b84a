import { NextResponse } from 'next/server';
import { deleteCampaign } from '@/lib/campaigns/delete-campaign';
import { getCampaign } from '@/lib/campaigns/get-campaign';
import { CampaignInputSchema } from '@/lib/campaigns/schemas';
import { updateCampaign } from '@/lib/campaigns/update-campaign';
import { readJson, withSession } from '@/app/_http/with-session';

type Params = { campaignId: string };

export const GET = withSession<Params>('VIEWER', async (_req, { actor, params }) =>
  NextResponse.json({ campaign: await getCampaign({ actor, campaignId: params.campaignId }) }),
);

/** Takes the whole campaign as the editor holds it: messages and numbers are replaced, not merged. */
export const PATCH = withSession<Params>('STAFF', async (req, { actor, params }) => {
  const input = CampaignInputSchema.parse(await readJson(req));
  return NextResponse.json({ campaign: await updateCampaign({ actor, campaignId: params.campaignId, input }) });
});

export const DELETE = withSession<Params>('STAFF', async (_req, { actor, params }) => {
  await deleteCampaign({ actor, campaignId: params.campaignId });
  return new NextResponse(null, { status: 204 });
});
