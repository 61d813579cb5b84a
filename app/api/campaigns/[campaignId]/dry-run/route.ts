import { NextResponse } from 'next/server';
import { dryRunCampaign } from '@/lib/campaigns/dry-run-campaign';
import { withSession } from '@/app/_http/with-session';

export const dynamic = 'force-dynamic';
// A million-contact audience is priced and gated contact by contact.
export const maxDuration = 300;

export const POST = withSession<{ campaignId: string }>('STAFF', async (_req, { actor, params }) =>
  NextResponse.json({ dryRun: await dryRunCampaign({ actor, campaignId: params.campaignId }) }),
);
