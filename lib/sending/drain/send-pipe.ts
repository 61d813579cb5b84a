import type { OutboundSms, SendOutcome, SmsProvider } from '../../providers/sms-provider';

/** How fast one sender may be handed messages: its per-minute rate, spread over the minute. */
export interface SenderPace {
  /** The sender's identity (its sending number's id). */
  key: string;
  perMinute: number;
}

/** What became of a message given to the pipe. */
export type PipeResult =
  /** The provider answered (or its call threw, which counts as a transient failure). */
  | { kind: 'answered'; outcome: SendOutcome }
  /** Never handed over: the batch's lease could no longer cover a call. */
  | { kind: 'unsent' }
  /** Never handed over, and safe to queue again: the run reached its deadline or the provider refused the account. */
  | { kind: 'released'; reason: 'deadline' | 'account' };

export interface SendPipeOptions {
  provider: SmsProvider;
  /** The most requests in flight. The pipe starts there and backs off when the provider says it is too many. */
  maxConcurrency: number;
  /** On the performance.now() clock: no request starts after it; what is still waiting is released. */
  deadline?: number;
}

export interface SendPipe {
  /**
   * Hands one message over when its sender's pace, the concurrency limit and the
   * messages before it allow; `maySend` is asked just before the call starts.
   */
  send(sms: OutboundSms, pace: SenderPace, maySend: () => boolean): Promise<PipeResult>;
  /** Messages given to the pipe and not yet started. */
  waiting(): number;
  /** Requests started per second over the last few seconds; null before there is anything to go by. */
  startRate(): number | null;
  /** Set once the provider refused the account; nothing more is handed over. */
  accountProblem(): string | null;
  stats(): SendPipeStats;
  /** Releases everything still waiting and stops the pipe's timer. */
  close(): void;
}

export interface SendPipeStats {
  /** The concurrency limit now (it falls on 429s and climbs back on successes). */
  concurrency: number;
  /** The highest number of requests ever in flight at once. */
  peakInFlight: number;
  /** Provider answers that said "too many requests". */
  throttled: number;
  /** Of those, answers retried in the same run instead of counting against the job. */
  throttleRetries: number;
}

/** A sender may be handed this many messages at once, or one second of its rate when that is more. */
const SENDER_BURST = 10;
/** A provider with requests in flight, or that accepted one this recently, is busy, not refusing: its 429s are retried in the run. */
const HEALTHY_WITHIN_MS = 10_000;
const THROTTLE_BACKOFF_MS = [100, 200, 400, 800, 1600, 2000];
/** The limit falls to this share on a 429, at most once per this long (one round trip's worth of answers). */
const BACKOFF_FACTOR = 0.75;
const BACKOFF_EVERY_MS = 250;
const RATE_SPAN_MS = 5000;

/** Twilio's "too many requests" (HTTP 429, error 20429): the account's concurrency, not the message, is the problem. */
export function isThrottled(outcome: SendOutcome): boolean {
  return !outcome.ok && outcome.kind === 'transient' && (outcome.code === '20429' || outcome.code === '429');
}

interface Bucket {
  tokens: number;
  perMs: number;
  capacity: number;
  at: number;
}

interface Waiting {
  sms: OutboundSms;
  pace: SenderPace;
  maySend: () => boolean;
  notBefore: number;
  throttled: number;
  settle: (result: PipeResult) => void;
}

/**
 * One drain run's hand-over: every batch's messages go through it, so the
 * provider always has as many requests in flight as its limit allows and a slow
 * call holds only its own message. Each sender is paced at its per-minute rate
 * (a token bucket refilled continuously, so a minute's allowance is never spent
 * in a burst); the concurrency limit backs off multiplicatively when the provider
 * answers 429 and climbs back by one per limit's worth of successes. A 429 from a
 * provider that is otherwise accepting is retried after a pause, never counted
 * against the job; one from a provider that accepts nothing is an ordinary
 * transient failure.
 */
export function sendPipe({ provider, maxConcurrency, deadline = Infinity }: SendPipeOptions): SendPipe {
  const queue: Waiting[] = [];
  const buckets = new Map<string, Bucket>();
  let limit = Math.max(1, maxConcurrency);
  let inFlight = 0;
  let peakInFlight = 0;
  let lastSuccess = -Infinity;
  let lastBackoff = -Infinity;
  let throttled = 0;
  let throttleRetries = 0;
  let account: string | null = null;
  let closed = false;
  let timer: NodeJS.Timeout | null = null;
  let timerAt = Infinity;
  let pumpQueued = false;
  const createdAt = performance.now();
  /** Start times of the requests of the last RATE_SPAN_MS. */
  const starts: number[] = [];
  let startsHead = 0;

  function bucketOf(pace: SenderPace, now: number): Bucket {
    let bucket = buckets.get(pace.key);
    const perMs = pace.perMinute / 60_000;
    if (!bucket) {
      const capacity = Math.max(SENDER_BURST, perMs * 1000);
      bucket = { tokens: capacity, perMs, capacity, at: now };
      buckets.set(pace.key, bucket);
    }
    bucket.tokens = Math.min(bucket.capacity, bucket.tokens + (now - bucket.at) * bucket.perMs);
    bucket.at = now;
    return bucket;
  }

  function releaseAll(reason: 'deadline' | 'account') {
    for (const item of queue.splice(0)) item.settle({ kind: 'released', reason });
  }

  function wakeAt(at: number) {
    if (closed || at >= timerAt) return;
    if (timer) clearTimeout(timer);
    timerAt = at;
    timer = setTimeout(
      () => {
        timer = null;
        timerAt = Infinity;
        pump();
      },
      Math.max(1, Math.ceil(at - performance.now())),
    );
  }

  function pump() {
    const now = performance.now();
    if (account) return releaseAll('account');
    if (now >= deadline) return releaseAll('deadline');
    let wake = deadline;
    for (let i = 0; i < queue.length && inFlight < Math.floor(limit);) {
      const item = queue[i];
      if (!item.maySend()) {
        queue.splice(i, 1);
        item.settle({ kind: 'unsent' });
        continue;
      }
      if (item.notBefore > now) {
        wake = Math.min(wake, item.notBefore);
        i += 1;
        continue;
      }
      const bucket = bucketOf(item.pace, now);
      if (bucket.tokens < 1) {
        wake = Math.min(wake, now + (1 - bucket.tokens) / bucket.perMs);
        i += 1;
        continue;
      }
      bucket.tokens -= 1;
      queue.splice(i, 1);
      start(item);
    }
    if (queue.length) wakeAt(wake);
  }

  function start(item: Waiting) {
    inFlight += 1;
    starts.push(performance.now());
    peakInFlight = Math.max(peakInFlight, inFlight);
    provider
      .send(item.sms)
      .catch((error: unknown): SendOutcome => ({
        ok: false,
        kind: 'transient',
        code: null,
        message: error instanceof Error ? error.message : String(error),
      }))
      .then((outcome) => {
        inFlight -= 1;
        const now = performance.now();
        if (outcome.ok) {
          lastSuccess = now;
          limit = Math.min(maxConcurrency, limit + 1 / limit);
        } else if (isThrottled(outcome)) {
          throttled += 1;
          if (now - lastBackoff >= BACKOFF_EVERY_MS) {
            limit = Math.max(1, limit * BACKOFF_FACTOR);
            lastBackoff = now;
          }
          // Refused while other requests are out or just after one was accepted:
          // the account's concurrency, not an outage, so the message waits its turn.
          if ((inFlight > 0 || now - lastSuccess < HEALTHY_WITHIN_MS) && !closed && !account) {
            throttleRetries += 1;
            const pause = THROTTLE_BACKOFF_MS[Math.min(item.throttled, THROTTLE_BACKOFF_MS.length - 1)];
            item.throttled += 1;
            item.notBefore = now + pause * (0.5 + Math.random());
            queue.unshift(item);
            pump();
            return;
          }
        } else if (outcome.kind === 'account') {
          account ??= outcome.message;
        }
        item.settle({ kind: 'answered', outcome });
        pump();
      });
  }

  return {
    send(sms, pace, maySend) {
      return new Promise<PipeResult>((settle) => {
        if (closed) return settle({ kind: 'released', reason: 'deadline' });
        queue.push({ sms, pace, maySend, notBefore: 0, throttled: 0, settle });
        // Batches add their messages in one go; one pump after them all is enough.
        if (!pumpQueued) {
          pumpQueued = true;
          queueMicrotask(() => {
            pumpQueued = false;
            pump();
          });
        }
      });
    },
    waiting: () => queue.length,
    startRate() {
      const now = performance.now();
      while (startsHead < starts.length && starts[startsHead] < now - RATE_SPAN_MS) startsHead += 1;
      if (startsHead > 4096) {
        starts.splice(0, startsHead);
        startsHead = 0;
      }
      const span = Math.min(RATE_SPAN_MS, now - createdAt);
      const count = starts.length - startsHead;
      return count < 10 || span < 500 ? null : (count / span) * 1000;
    },
    accountProblem: () => account,
    stats: () => ({ concurrency: Math.floor(limit), peakInFlight, throttled, throttleRetries }),
    close() {
      closed = true;
      if (timer) clearTimeout(timer);
      timer = null;
      releaseAll('deadline');
    },
  };
}
