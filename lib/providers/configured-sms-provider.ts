import 'server-only';
import { pgPool } from '../db/pg-pool';
import { env } from '../env';
import { smsProviderKind } from './provider-config';
import { UNREACHABLE, randomFate, simulatorProvider } from './simulator-provider';
import type { SmsProvider } from './sms-provider';
import { twilioProviderFromEnv } from './twilio-config';

/** Twilio when it is configured, else the simulator with its settings. */
export function configuredSmsProvider(): SmsProvider {
  if (smsProviderKind() === 'twilio') return twilioProviderFromEnv();
  const { SIMULATOR_FAILURE_RATE, SIMULATOR_UNREACHABLE_NUMBERS, SIMULATOR_CALLBACK_DELAY_MS } = env();
  return simulatorProvider({
    db: pgPool(),
    callbackDelayMs: SIMULATOR_CALLBACK_DELAY_MS,
    fate: (to) => (SIMULATOR_UNREACHABLE_NUMBERS.has(to) ? UNREACHABLE : randomFate(SIMULATOR_FAILURE_RATE)),
  });
}
