import type { OutboundSms, SendOutcome, SmsProvider } from '../../providers/sms-provider';

export interface HandOverOptions {
  provider: SmsProvider;
  messages: readonly OutboundSms[];
  /** Requests in flight at most. */
  concurrency: number;
  /** Asked before each request: once it says no, no further message is handed over. */
  maySend: () => boolean;
}

/**
 * Sends with a bounded number of requests in flight; a provider that throws counts
 * as a transient failure. One outcome per message, in the order of the messages,
 * or null for a message never handed over because sending had to stop.
 */
export async function handOver({
  provider,
  messages,
  concurrency,
  maySend,
}: HandOverOptions): Promise<(SendOutcome | null)[]> {
  const outcomes: (SendOutcome | null)[] = new Array(messages.length).fill(null);
  let next = 0;
  async function worker() {
    while (next < messages.length && maySend()) {
      const index = next++;
      try {
        outcomes[index] = await provider.send(messages[index]);
      } catch (error) {
        outcomes[index] = {
          ok: false,
          kind: 'transient',
          code: null,
          message: error instanceof Error ? error.message : String(error),
        };
      }
    }
  }
  await Promise.all(Array.from({ length: Math.min(concurrency, messages.length) }, worker));
  return outcomes;
}
