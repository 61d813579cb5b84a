import type { SmsProvider } from '../../providers/sms-provider';
import { holdBatchLease } from './hold-batch-lease';
import type { OutgoingMessage } from './messages-to-send';
import { recordSendOutcomes, type HandedOverJob, type OutcomeTotals } from './record-send-outcomes';
import type { PipeResult, SendPipe } from './send-pipe';
import type { TakenLease } from './take-batch-lease';
import type { SendOutcome } from '../../providers/sms-provider';

export interface SendBatchMessagesOptions {
  provider: SmsProvider;
  /** The run's hand-over, shared by its batches. */
  pipe: SendPipe;
  messages: readonly OutgoingMessage[];
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

/** While a batch still has calls out, the answers already in are recorded this often. */
export const RECORD_EVERY_MS = 1000;
/** How long a job refused with its account waits, as when the provider answers so. */
const ACCOUNT_RETRY_MS = 60_000;

function nothingSent(): OutcomeTotals {
  return { accepted: 0, failed: 0, retried: 0, uncertain: 0, unsent: 0, released: 0, accountProblem: null };
}

function add(totals: OutcomeTotals, more: OutcomeTotals): void {
  for (const key of ['accepted', 'failed', 'retried', 'uncertain', 'unsent', 'released'] as const)
    totals[key] += more[key];
  totals.accountProblem ??= more.accountProblem;
}

/**
 * Hands a batch's messages to the run's pipe while its lease is held, and records
 * the answers: those in so far every second while calls are still out (so a slow
 * call holds only its own job), the rest with the lease's release once every call
 * has ended. Messages left when the lease runs out stay SENDING for recovery,
 * which re-queues them once the lease has expired; messages the run had no time
 * left for go straight back to the queue.
 */
export async function sendBatchMessages({
  provider,
  pipe,
  messages,
  now,
  lease,
  leaseMs,
}: SendBatchMessagesOptions): Promise<OutcomeTotals> {
  const totals = nothingSent();
  if (!messages.length || !lease) return totals;
  const hold = holdBatchLease({ lease, ttlMs: leaseMs });
  const answered: { job: HandedOverJob; outcome: SendOutcome }[] = [];
  const released: { job: HandedOverJob; nextAt: Date; reason: string }[] = [];
  let recording: Promise<void> = Promise.resolve();
  const record = (releaseLease: boolean) => {
    const results = answered.splice(0);
    const back = released.splice(0);
    recording = recording.then(async () => {
      if (!results.length && !back.length && !releaseLease) return;
      try {
        add(
          totals,
          await recordSendOutcomes({
            results,
            released: back,
            leaseId: lease.id,
            claimedAt: now,
            now,
            providerLabel: PROVIDER_LABEL[provider.name],
            releaseLease,
          }),
        );
      } catch (error) {
        if (releaseLease) throw error;
        // Recorded with the batch's last answers instead.
        answered.unshift(...results);
        released.unshift(...back);
        console.error(
          `[drain] could not record answers for batch ${lease.id} yet:`,
          error instanceof Error ? error.message : error,
        );
      }
    });
    return recording;
  };
  const timer = setInterval(() => {
    if (answered.length || released.length) void record(false);
  }, RECORD_EVERY_MS);
  try {
    const results = await Promise.all(
      messages.map((m) =>
        pipe.send(m.sms, m.pace, hold.maySend).then((result: PipeResult) => {
          if (result.kind === 'answered') answered.push({ job: m.job, outcome: result.outcome });
          else if (result.kind === 'released')
            released.push({
              job: m.job,
              nextAt: result.reason === 'account' ? new Date(now.getTime() + ACCOUNT_RETRY_MS) : now,
              reason:
                result.reason === 'account'
                  ? 'not handed over: the provider refused the account'
                  : 'not handed over before the drain run ended; the next run sends it',
            });
          return result;
        }),
      ),
    );
    clearInterval(timer);
    const unsent = results.filter((r) => r.kind === 'unsent').length;
    if (unsent)
      console.error(
        `[drain] the lease on batch ${lease.id} ran out; ${unsent} message(s) not handed over, left for recovery`,
      );
    await record(true);
    totals.unsent = unsent;
    return totals;
  } finally {
    clearInterval(timer);
    hold.stop();
  }
}
