import { NextResponse } from 'next/server';
import { launchCampaign } from '@/lib/campaigns/launch-campaign';
import { withSession } from '@/app/_http/with-session';

export const dynamic = 'force-dynamic';
// Queueing a million contacts takes a few seconds in one statement.
export const maxDuration = 60;

export const POST = withSession<{ campaignId: string }>('STAFF', async (_req, { actor, params }) =>
  NextResponse.json(await launchCampaign({ actor, campaignId: params.campaignId })),
);
