import twilio from 'twilio';
import { publicBaseUrl } from '@/lib/env';
import { webhookAuthToken } from '@/lib/providers/provider-config';
import { toErrorResponse } from './errors';
import { MAX_WEBHOOK_BODY_BYTES, readFormBody } from './read-form-body';

type WebhookHandler = (params: Record<string, string>, req: Request) => Promise<Response>;

/**
 * Twilio signs the exact public URL it called plus the sorted form fields. The
 * URL is rebuilt from the configured public base (behind a proxy the request's
 * own host is not what Twilio saw); an unsigned or forged call gets 403 and
 * nothing is read further or stored, and a body larger than any Twilio sends
 * gets 413 without being read whole.
 */
export function withTwilioWebhook(handler: WebhookHandler) {
  return async (req: Request): Promise<Response> => {
    try {
      // An unsigned call is refused before a byte of its body is read.
      const signature = req.headers.get('x-twilio-signature');
      if (!signature) return forbidden();
      const body = await readFormBody(req, MAX_WEBHOOK_BODY_BYTES);
      if (!body.ok) return body.status === 413 ? tooLarge() : forbidden();
      const { params } = body;
      const { pathname, search } = new URL(req.url);
      if (!twilio.validateRequest(webhookAuthToken(), signature, `${publicBaseUrl()}${pathname}${search}`, params))
        return forbidden();
      return await handler(params, req);
    } catch (error) {
      return toErrorResponse(error);
    }
  };
}

function forbidden(): Response {
  return new Response('Invalid Twilio signature', { status: 403, headers: { 'content-type': 'text/plain' } });
}

function tooLarge(): Response {
  return new Response('Request body too large for a Twilio webhook', {
    status: 413,
    headers: { 'content-type': 'text/plain' },
  });
}
