import type { SmsProvider } from '../../providers/sms-provider';
import { handOver } from './hand-over';
import { holdBatchLease } from './hold-batch-lease';
import type { OutgoingMessage } from './messages-to-send';
import { recordSendOutcomes, type OutcomeTotals } from './record-send-outcomes';
import type { TakenLease } from './take-batch-lease';

export interface SendBatchMessagesOptions {
  provider: SmsProvider;
  messages: readonly OutgoingMessage[];
  sendConcurrency: number;
  /** When the batch claimed its jobs, which is also when their answers are recorded. */
  now: Date;
  /** The batch's lease, taken with its claim; null when nothing passed the gates. */
  lease: TakenLease | null;
  leaseMs: number;
}

const PROVIDER_LABEL: Record<SmsProvider['name'], string> = {
  twilio: 'Twilio',
  simulator: 'the simulator',
  null: 'the null provider',
};

const NOTHING_SENT: OutcomeTotals = {
  accepted: 0,
  failed: 0,
  retried: 0,
  uncertain: 0,
  unsent: 0,
  accountProblem: null,
};

/**
 * Hands a batch's messages to the provider, a few at a time, while its lease is
 * held, and records the answers. Messages left when the lease runs out stay
 * SENDING for recovery, which re-queues them once the lease has expired.
 */
export async function sendBatchMessages({
  provider,
  messages,
  sendConcurrency,
  now,
  lease,
  leaseMs,
}: SendBatchMessagesOptions): Promise<OutcomeTotals> {
  if (!messages.length || !lease) return { ...NOTHING_SENT };
  const hold = holdBatchLease({ lease, ttlMs: leaseMs });
  try {
    const outcomes = await handOver({
      provider,
      messages: messages.map((m) => m.sms),
      concurrency: sendConcurrency,
      maySend: hold.maySend,
    });
    const results = messages.flatMap((m, i) => {
      const outcome = outcomes[i];
      return outcome ? [{ job: m.job, outcome }] : [];
    });
    const unsent = messages.length - results.length;
    if (unsent)
      console.error(
        `[drain] the lease on batch ${lease.id} ran out; ${unsent} message(s) not handed over, left for recovery`,
      );
    const totals = await recordSendOutcomes({
      results,
      leaseId: lease.id,
      claimedAt: now,
      now,
      providerLabel: PROVIDER_LABEL[provider.name],
    });
    return { ...totals, unsent };
  } finally {
    hold.stop();
  }
}
