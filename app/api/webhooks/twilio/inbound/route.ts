import { handleInboundMessage } from '@/lib/inbound/handle-inbound-message';
import { InboundMessageSchema } from '@/lib/inbound/schemas';
import { twimlReply } from '@/lib/inbound/twiml';
import { withTwilioWebhook } from '@/app/_http/with-twilio-webhook';

export const dynamic = 'force-dynamic';

/** Replies to a tenant's numbers: STOP/START/HELP answered in TwiML, others kept on the timeline. */
export const POST = withTwilioWebhook(async (params) => {
  const outcome = await handleInboundMessage({ message: InboundMessageSchema.parse(params), payload: params });
  return new Response(twimlReply(outcome.reply), { headers: { 'content-type': 'text/xml; charset=utf-8' } });
});
