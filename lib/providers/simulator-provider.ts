import 'server-only';
import { randomBytes } from 'node:crypto';
import type { Queryable } from '../db/queryable';
import type { SmsProvider } from './sms-provider';

/** How a simulated message ends, with the error Twilio would report. */
export type SimulatedFate = { status: 'delivered' } | { status: 'undelivered' | 'failed'; errorCode: string };

// Failures in the shares real Australian traffic shows: mostly phones off or out of
// coverage, some dead numbers, a few carrier rejections.
const FAILURES: SimulatedFate[] = [
  { status: 'undelivered', errorCode: '30003' },
  { status: 'undelivered', errorCode: '30003' },
  { status: 'undelivered', errorCode: '30003' },
  { status: 'undelivered', errorCode: '30005' },
  { status: 'failed', errorCode: '30008' },
];

/** The handset switched off or out of coverage: how a number the simulator is told is unreachable ends. */
export const UNREACHABLE: SimulatedFate = { status: 'undelivered', errorCode: '30003' };

export function randomFate(failureRate: number, random: () => number = Math.random): SimulatedFate {
  if (random() >= failureRate) return { status: 'delivered' };
  return FAILURES[Math.floor(random() * FAILURES.length)];
}

export interface SimulatorProviderOptions {
  db: Queryable;
  callbackDelayMs: number;
  /** How the message to this number ends. */
  fate: (to: string) => SimulatedFate;
}

/**
 * Stands in for Twilio when no account is configured: accepts every message,
 * remembers it in simulated_messages, and later reports sent then delivered (or a
 * failure) through signed callbacks to our own status webhook — the same path
 * Twilio's callbacks take — so the whole loop runs on a fresh machine.
 */
export function simulatorProvider(options: SimulatorProviderOptions): SmsProvider {
  return {
    name: 'simulator',
    async send(message) {
      const sid = `SM${randomBytes(16).toString('hex')}`;
      const fate = options.fate(message.to);
      await options.db.query(
        `INSERT INTO simulated_messages (sid, "sendJobId", "conversationReplyId", "toE164", "fromValue", body, pending, "errorCode", "nextCallbackAt", "createdAt")
         VALUES ($1, $2::bigint, $9::bigint, $3, $4, $5, $6::text[], $7, now() + make_interval(secs => $8::float / 1000), now())`,
        [
          sid,
          message.jobId.toString(),
          message.to,
          message.from,
          message.body,
          ['sent', fate.status],
          fate.status === 'delivered' ? null : fate.errorCode,
          options.callbackDelayMs,
          message.conversationReplyId?.toString() ?? null,
        ],
      );
      return { ok: true, providerMessageId: sid, status: 'queued' };
    },
    async findSent(query) {
      const { rows } = await options.db.query<{ sid: string }>(
        `SELECT sid FROM simulated_messages WHERE "sendJobId" = $1::bigint AND "toE164" = $2 ORDER BY "createdAt" LIMIT 1`,
        [query.jobId.toString(), query.to],
      );
      return rows[0] ? { providerMessageId: rows[0].sid, status: 'queued' } : null;
    },
  };
}
