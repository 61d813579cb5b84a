import { z } from 'zod';
import { env } from '../env';
import { webhookUrl } from './provider-config';
import type { SmsProvider } from './sms-provider';
import { twilioProvider } from './twilio-provider';

// A mistyped SID would otherwise surface only as every send failing.
const TwilioSettings = z.object({
  TWILIO_ACCOUNT_SID: z
    .string({ error: 'TWILIO_ACCOUNT_SID must be set to send through Twilio' })
    .regex(/^AC[0-9a-fA-F]{32}$/, 'TWILIO_ACCOUNT_SID must be "AC" followed by 32 hex digits'),
  TWILIO_AUTH_TOKEN: z.string({ error: 'TWILIO_AUTH_TOKEN must be set to send through Twilio' }),
  TWILIO_MESSAGING_SERVICE_SID: z
    .string()
    .regex(/^MG[0-9a-fA-F]{32}$/, 'TWILIO_MESSAGING_SERVICE_SID must be "MG" followed by 32 hex digits')
    .optional(),
  TWILIO_API_BASE_URL: z.string().optional(),
});

/** The Twilio provider for the account in the environment; throws a readable error when it is not configured. */
export function twilioProviderFromEnv(): SmsProvider {
  const parsed = TwilioSettings.safeParse(env());
  if (!parsed.success)
    throw new Error(`Twilio is not configured: ${parsed.error.issues.map((i) => i.message).join('; ')}`);
  const settings = parsed.data;
  return twilioProvider({
    accountSid: settings.TWILIO_ACCOUNT_SID,
    authToken: settings.TWILIO_AUTH_TOKEN,
    messagingServiceSid: settings.TWILIO_MESSAGING_SERVICE_SID,
    apiBaseUrl: settings.TWILIO_API_BASE_URL,
    statusCallbackUrl: webhookUrl('status'),
  });
}
