import { NextResponse } from 'next/server';
import { TestSendSchema } from '@/lib/campaigns/schemas';
import { sendTestMessage } from '@/lib/campaigns/send-test-message';
import { readJson, withSession } from '@/app/_http/with-session';

export const dynamic = 'force-dynamic';

export const POST = withSession<{ campaignId: string }>('STAFF', async (req, { actor, params }) => {
  const { phone } = TestSendSchema.parse(await readJson(req));
  return NextResponse.json(await sendTestMessage({ actor, campaignId: params.campaignId, phone }));
});
