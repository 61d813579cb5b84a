import { applyStatusCallback } from '@/lib/delivery-status/apply-status-callback';
import { SendJobHintSchema, StatusCallbackSchema } from '@/lib/delivery-status/schemas';
import { withTwilioWebhook } from '@/app/_http/with-twilio-webhook';

export const dynamic = 'force-dynamic';

/** Delivery callbacks for messages we sent; answered fast, since Twilio gives up after 15 s. */
export const POST = withTwilioWebhook(async (params, req) => {
  const jobHint = SendJobHintSchema.parse(new URL(req.url).searchParams.get('sj'));
  await applyStatusCallback({
    callback: StatusCallbackSchema.parse(params),
    payload: params,
    jobHint,
  });
  return new Response(null, { status: 204 });
});
