import type { SmsProvider } from '../../providers/sms-provider';
import { handOver } from './hand-over';
import type { OutgoingMessage } from './messages-to-send';
import { recordSendOutcomes, type OutcomeTotals } from './record-send-outcomes';

export interface SendBatchMessagesOptions {
  provider: SmsProvider;
  messages: readonly OutgoingMessage[];
  sendConcurrency: number;
  /** When the batch claimed its jobs, which is also when their answers are recorded. */
  now: Date;
}

const PROVIDER_LABEL: Record<SmsProvider['name'], string> = {
  twilio: 'Twilio',
  simulator: 'the simulator',
  null: 'the null provider',
};

const NOTHING_SENT: OutcomeTotals = { accepted: 0, failed: 0, retried: 0, uncertain: 0, accountProblem: null };

/** Hands a batch's messages to the provider, a few at a time, and records its answers. */
export async function sendBatchMessages({
  provider,
  messages,
  sendConcurrency,
  now,
}: SendBatchMessagesOptions): Promise<OutcomeTotals> {
  if (!messages.length) return { ...NOTHING_SENT };
  const outcomes = await handOver({ provider, messages: messages.map((m) => m.sms), concurrency: sendConcurrency });
  return recordSendOutcomes({
    results: messages.map((m, i) => ({ job: m.job, outcome: outcomes[i] })),
    claimedAt: now,
    now,
    providerLabel: PROVIDER_LABEL[provider.name],
  });
}
