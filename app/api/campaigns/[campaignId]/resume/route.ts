import { NextResponse } from 'next/server';
import { resumeCampaign } from '@/lib/campaigns/resume-campaign';
import { withSession } from '@/app/_http/with-session';

export const dynamic = 'force-dynamic';

export const POST = withSession<{ campaignId: string }>('STAFF', async (_req, { actor, params }) =>
  NextResponse.json(await resumeCampaign({ actor, campaignId: params.campaignId })),
);
