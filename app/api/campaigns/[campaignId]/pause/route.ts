import { NextResponse } from 'next/server';
import { pauseCampaign } from '@/lib/campaigns/pause-campaign';
import { PauseCampaignSchema } from '@/lib/campaigns/schemas';
import { readJson, withSession } from '@/app/_http/with-session';

export const dynamic = 'force-dynamic';

export const POST = withSession<{ campaignId: string }>('STAFF', async (req, { actor, params }) => {
  const { reason } = PauseCampaignSchema.parse(await readJson(req));
  return NextResponse.json(await pauseCampaign({ actor, campaignId: params.campaignId, reason }));
});
