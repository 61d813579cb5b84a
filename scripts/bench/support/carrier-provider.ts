import type { SendOutcome, SmsProvider } from '../../../lib/providers/sms-provider';

/**
 * A provider that answers as a real carrier's API does from far away: each call
 * takes `latencyMs` give or take `jitterMs`, a share of calls take 2–5 s, and the
 * account allows `concurrency` requests at once — one more is refused at once with
 * HTTP 429 / error 20429, as Twilio refuses it. It remembers when each accepted
 * request arrived and from which sender, for the benchmark to count.
 */
export interface CarrierOptions {
  latencyMs: number;
  jitterMs: number;
  /** Share of calls that take between `outlierMs[0]` and `outlierMs[1]`. */
  outlierShare: number;
  outlierMs: [number, number];
  concurrency: number;
}

export interface CarrierProvider extends SmsProvider {
  /** performance.now() at each accepted request's arrival, with its sender. */
  readonly accepted: { at: number; from: string }[];
  readonly stats: { throttled: number; peakInFlight: number; outliers: number };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export function carrierProvider(options: CarrierOptions): CarrierProvider {
  let inFlight = 0;
  let next = 0;
  const accepted: { at: number; from: string }[] = [];
  const stats = { throttled: 0, peakInFlight: 0, outliers: 0 };
  const prefix = `SMcarrier${process.pid.toString(16)}${Date.now().toString(16)}`;
  return {
    name: 'null',
    accepted,
    stats,
    async send(message): Promise<SendOutcome> {
      if (inFlight >= options.concurrency) {
        stats.throttled += 1;
        await sleep(options.latencyMs / 3);
        return { ok: false, kind: 'transient', code: '20429', message: 'Too Many Requests' };
      }
      inFlight += 1;
      stats.peakInFlight = Math.max(stats.peakInFlight, inFlight);
      accepted.push({ at: performance.now(), from: message.from });
      const outlier = Math.random() < options.outlierShare;
      if (outlier) stats.outliers += 1;
      const [low, high] = options.outlierMs;
      await sleep(
        outlier
          ? low + Math.random() * (high - low)
          : Math.max(1, options.latencyMs + (Math.random() * 2 - 1) * options.jitterMs),
      );
      inFlight -= 1;
      next += 1;
      return { ok: true, providerMessageId: `${prefix}${next.toString(16).padStart(8, '0')}`, status: 'queued' };
    },
    async findSent() {
      return null;
    },
  };
}

/** The most requests any one sender was handed in any 1-second span. */
export function busiestSenderSecond(accepted: readonly { at: number; from: string }[]): number {
  const bySender = new Map<string, number[]>();
  for (const { at, from } of accepted) {
    const list = bySender.get(from) ?? [];
    list.push(at);
    bySender.set(from, list);
  }
  let most = 0;
  for (const times of bySender.values()) {
    times.sort((a, b) => a - b);
    let first = 0;
    for (let last = 0; last < times.length; last += 1) {
      while (times[last] - times[first] >= 1000) first += 1;
      most = Math.max(most, last - first + 1);
    }
  }
  return most;
}
