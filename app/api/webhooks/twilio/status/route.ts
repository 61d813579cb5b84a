import { applyReplyStatusCallback } from '@/lib/conversations/apply-reply-status-callback';
import { applyStatusCallback } from '@/lib/delivery-status/apply-status-callback';
import { SendJobHintSchema, StatusCallbackSchema } from '@/lib/delivery-status/schemas';
import { statusEventKey } from '@/lib/delivery-status/status-event-key';
import { withTwilioWebhook } from '@/app/_http/with-twilio-webhook';

export const dynamic = 'force-dynamic';

/** Delivery callbacks for messages we sent; answered fast, since Twilio gives up after 15 s. */
export const POST = withTwilioWebhook(async (params, req) => {
  const search = new URL(req.url).searchParams;
  const callback = StatusCallbackSchema.parse(params);
  // A staff reply's callback URL names the reply (`?cr=`); a campaign message's names its job (`?sj=`).
  const replyHint = SendJobHintSchema.parse(search.get('cr'));
  if (replyHint !== null) {
    await applyReplyStatusCallback({ callback, payload: params, eventKey: statusEventKey(params), replyHint });
  } else {
    await applyStatusCallback({ callback, payload: params, jobHint: SendJobHintSchema.parse(search.get('sj')) });
  }
  return new Response(null, { status: 204 });
});
