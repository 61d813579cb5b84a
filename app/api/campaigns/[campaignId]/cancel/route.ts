import { NextResponse } from 'next/server';
import { cancelCampaign } from '@/lib/campaigns/cancel-campaign';
import { withSession } from '@/app/_http/with-session';

export const dynamic = 'force-dynamic';
export const maxDuration = 60;

export const POST = withSession<{ campaignId: string }>('STAFF', async (_req, { actor, params }) =>
  NextResponse.json(await cancelCampaign({ actor, campaignId: params.campaignId })),
);
