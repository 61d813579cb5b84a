import 'server-only';
import twilio from 'twilio';
import { inTransaction } from '../db/transaction';
import { env } from '../env';
import { webhookAuthToken, webhookUrl } from './provider-config';

export type CallbackPoster = (url: string, params: Record<string, string>, signature: string) => Promise<boolean>;

/** POSTs a form to our webhook as Twilio would; true when the app took it (2xx). */
export const postCallback: CallbackPoster = async (url, params, signature) => {
  try {
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': signature },
      body: new URLSearchParams(params).toString(),
      signal: AbortSignal.timeout(15_000),
    });
    await res.arrayBuffer();
    return res.ok;
  } catch {
    return false;
  }
};

const RETRY_MS = 5_000;

export interface DeliverSimulatorCallbacksOptions {
  now?: Date;
  post?: CallbackPoster;
  limit?: number;
  callbackDelayMs?: number;
}

/**
 * Sends the simulator's due status callbacks, signed exactly as Twilio signs
 * them, to our own status webhook. Each message reports "sent", then its final
 * status; a callback the app did not take is tried again a few seconds later.
 */
export async function deliverSimulatorCallbacks(options: DeliverSimulatorCallbacksOptions = {}): Promise<number> {
  const now = options.now ?? new Date();
  const post = options.post ?? postCallback;
  const delay = options.callbackDelayMs ?? env().SIMULATOR_CALLBACK_DELAY_MS;
  return inTransaction(async (tx) => {
    const { rows } = await tx.query<{
      sid: string;
      sendJobId: string;
      conversationReplyId: string | null;
      toE164: string;
      fromValue: string;
      pending: string[];
      errorCode: string | null;
    }>(
      `SELECT sid, "sendJobId", "conversationReplyId", "toE164", "fromValue", pending, "errorCode" FROM simulated_messages
       WHERE "nextCallbackAt" <= $1::timestamp ORDER BY "nextCallbackAt" LIMIT $2 FOR UPDATE SKIP LOCKED`,
      [now.toISOString(), options.limit ?? 200],
    );
    const token = webhookAuthToken();
    const base = webhookUrl('status');
    const taken = await Promise.all(
      rows.map((message) => {
        const [status, ...rest] = message.pending;
        const params: Record<string, string> = {
          AccountSid: 'ACsimulator',
          MessageSid: message.sid,
          SmsSid: message.sid,
          MessageStatus: status,
          SmsStatus: status,
          To: message.toE164,
          From: message.fromValue,
          ApiVersion: '2010-04-01',
        };
        if (!rest.length && message.errorCode) params.ErrorCode = message.errorCode;
        const url = message.conversationReplyId
          ? `${base}?cr=${message.conversationReplyId}`
          : `${base}?sj=${message.sendJobId}`;
        return post(url, params, twilio.getExpectedTwilioSignature(token, url, params));
      }),
    );
    for (const [i, message] of rows.entries()) {
      const next = taken[i] ? message.pending.slice(1) : message.pending;
      const nextAt = !next.length ? null : new Date(now.getTime() + (taken[i] ? delay : RETRY_MS)).toISOString();
      await tx.query(
        `UPDATE simulated_messages SET pending = $2::text[], "nextCallbackAt" = $3::timestamp WHERE sid = $1`,
        [message.sid, next, nextAt],
      );
    }
    return taken.filter(Boolean).length;
  });
}
