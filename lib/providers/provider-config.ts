import { createHmac } from 'node:crypto';
import { authSecret, env, publicBaseUrl } from '../env';

export type SmsProviderKind = 'twilio' | 'simulator';

/** Twilio when its account is configured (or SMS_PROVIDER says so), else the local simulator. */
export function smsProviderKind(): SmsProviderKind {
  const e = env();
  return e.SMS_PROVIDER ?? (e.TWILIO_ACCOUNT_SID && e.TWILIO_AUTH_TOKEN ? 'twilio' : 'simulator');
}

/**
 * The key Twilio-style webhook signatures are checked with: the account's auth
 * token, or for the simulator a key derived from the app secret, so simulated
 * callbacks are verified exactly like real ones and cannot be forged either.
 */
export function webhookAuthToken(): string {
  if (smsProviderKind() === 'twilio') {
    const token = env().TWILIO_AUTH_TOKEN;
    if (!token) throw new Error('TWILIO_AUTH_TOKEN must be set when SMS_PROVIDER is twilio');
    return token;
  }
  return createHmac('sha256', authSecret()).update('sms-simulator-webhooks').digest('hex');
}

/** The public URL Twilio calls (and signs) for a webhook: behind a proxy this is APP_BASE_URL's. */
export function webhookUrl(kind: 'status' | 'inbound'): string {
  return `${publicBaseUrl()}/api/webhooks/twilio/${kind}`;
}
