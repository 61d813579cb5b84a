import { NextResponse } from 'next/server';
import { getCampaignProgress } from '@/lib/campaigns/get-campaign-progress';
import { withSession } from '@/app/_http/with-session';

export const dynamic = 'force-dynamic';

export const GET = withSession<{ campaignId: string }>('VIEWER', async (_req, { actor, params }) =>
  NextResponse.json({ progress: await getCampaignProgress({ actor, campaignId: params.campaignId }) }),
);
