import twilio from 'twilio';
import { publicBaseUrl } from '@/lib/env';
import { webhookAuthToken } from '@/lib/providers/provider-config';
import { toErrorResponse } from './errors';

type WebhookHandler = (params: Record<string, string>, req: Request) => Promise<Response>;

/**
 * Twilio signs the exact public URL it called plus the sorted form fields. The
 * URL is rebuilt from the configured public base (behind a proxy the request's
 * own host is not what Twilio saw); an unsigned or forged call gets 403 and
 * nothing is read further or stored.
 */
export function withTwilioWebhook(handler: WebhookHandler) {
  return async (req: Request): Promise<Response> => {
    try {
      const signature = req.headers.get('x-twilio-signature');
      const form = await req.formData().catch(() => null);
      if (!signature || !form) return forbidden();
      const params: Record<string, string> = {};
      for (const [key, value] of form) if (typeof value === 'string') params[key] = value;
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
