import type { SendOutcome } from './sms-provider';

// Everything the app knows about Twilio's error codes: what each means for the
// job that met it (retry, fail, stop the drain), what it says about the number
// (opted out, unreachable), and how to explain it to staff.

type SendFailure = Extract<SendOutcome, { ok: false }>;
type FailureKind = SendFailure['kind'];

/**
 * Twilio error codes whose meaning decides the outcome whatever the HTTP status.
 * permanent: this recipient (or this message to them) will never go through.
 * account: every message would fail until someone fixes the account or its senders.
 * transient: Twilio is busy; the same request can succeed later.
 */
const KIND_BY_CODE: Readonly<Record<number, FailureKind>> = {
  21211: 'permanent', // 'To' is not a valid phone number
  21217: 'permanent', // 'To' does not appear to be valid
  21265: 'permanent', // 'To' is a short code
  21266: 'permanent', // 'To' and 'From' are the same number
  21407: 'permanent', // the number type cannot receive SMS
  21408: 'permanent', // the recipient's country is not enabled on the account
  21610: 'permanent', // the recipient replied STOP (opted out)
  21612: 'permanent', // Twilio cannot route from this sender to this number
  21614: 'permanent', // 'To' is not a mobile number
  21617: 'permanent', // body longer than 1600 characters
  30003: 'permanent', // handset unreachable
  30004: 'permanent', // recipient blocked the sender
  30005: 'permanent', // unknown or inactive number
  30006: 'permanent', // landline or unreachable carrier
  30007: 'permanent', // carrier filtered the message
  30008: 'permanent', // unknown carrier error

  20003: 'account', // authentication failed
  20005: 'account', // account not active
  30002: 'account', // account suspended
  30034: 'account', // sender not registered for this traffic
  21212: 'account', // invalid 'From'
  21601: 'account', // 'From' is not an SMS-capable number of the account
  21603: 'account', // neither 'From' nor a Messaging Service was given
  21606: 'account', // 'From' is not a message-capable Twilio number for the account
  21659: 'account', // 'From' is not a Twilio number or sender ID
  21660: 'account', // 'From' belongs to another account
  21661: 'account', // 'From' is not SMS-capable

  20429: 'transient', // too many requests
  21611: 'transient', // the sender's queue is full (ten hours of messages)
  21730: 'transient', // Twilio maintenance
  30001: 'transient', // queue overflow
};

/** Messaging Service problems (missing, misconfigured, empty sender pool) stop every message. */
const MESSAGING_SERVICE_CODES = { from: 21701, to: 21799 } as const;

/** Failures before the request could reach Twilio: nothing was created, so sending again is safe. */
const NEVER_SENT = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ERR_INVALID_URL',
]);

/**
 * What a failed Twilio call means for the job. RestException carries the HTTP
 * status and Twilio's code. A call that never got an answer after it went out
 * (timeout, reset connection) may still have created the message, so it is
 * `uncertain`: the drain asks Twilio later rather than sending again.
 */
export function classifyTwilioError(error: unknown): SendFailure {
  const { status, code, networkCode, message } = readError(error);
  const kind =
    status === null ? (networkCode && NEVER_SENT.has(networkCode) ? 'transient' : 'uncertain') : kindOf(status, code);
  return { ok: false, kind, code: code === null ? null : String(code), message };
}

function kindOf(status: number, code: number | null): FailureKind {
  if (code !== null) {
    const known = KIND_BY_CODE[code];
    if (known) return known;
    if (code >= MESSAGING_SERVICE_CODES.from && code <= MESSAGING_SERVICE_CODES.to) return 'account';
  }
  if (status === 401 || status === 403 || status === 404) return 'account';
  if (status === 408 || status === 429 || status >= 500) return 'transient';
  // Any other refusal is about this request (recipient, body); calling it
  // account-wide would let one bad contact stop the whole drain.
  return status >= 400 ? 'permanent' : 'transient';
}

function readError(error: unknown): {
  status: number | null;
  code: number | null;
  networkCode: string | null;
  message: string;
} {
  if (typeof error !== 'object' || error === null)
    return { status: null, code: null, networkCode: null, message: `Twilio request failed: ${String(error)}` };
  const fields = error as { status?: unknown; code?: unknown; message?: unknown };
  const status = typeof fields.status === 'number' ? fields.status : null;
  const code = status !== null && typeof fields.code === 'number' ? fields.code : null;
  const networkCode = status === null && typeof fields.code === 'string' ? fields.code : null;
  const text = typeof fields.message === 'string' && fields.message ? fields.message : null;
  return {
    status,
    code,
    networkCode,
    message: text ?? (status === null ? 'Twilio could not be reached' : `Twilio answered HTTP ${status}`),
  };
}

// What Twilio's common delivery error codes mean, for staff reading a message's history.
const EXPLANATIONS: Record<string, string> = {
  '21211': 'The number is not a valid phone number.',
  '21408': 'Sending to this country is not enabled on the Twilio account.',
  '21610': 'The recipient has opted out (replied STOP) and Twilio blocks messages to them.',
  '21612': 'Twilio cannot route a message from this sender to this number.',
  '21614': 'The number is not a mobile number and cannot receive SMS.',
  '30001': "Twilio's queue overflowed; the message was not sent. Send more slowly.",
  '30002': 'The Twilio account is suspended.',
  '30003': 'The handset is switched off or out of coverage.',
  '30004': 'The recipient has blocked messages from this sender.',
  '30005': 'The number does not exist or is no longer in service.',
  '30006': 'The number is a landline or cannot receive SMS.',
  '30007': 'The carrier filtered the message as spam. Check the content and sender registration.',
  '30008': 'The carrier could not deliver the message for an unknown reason.',
  '30034': 'The sender is not registered for this kind of traffic.',
};

export function explainTwilioError(code: string | undefined | null): string | null {
  if (!code) return null;
  return EXPLANATIONS[code] ?? `Twilio error ${code}.`;
}

/** Our explanation of a code we know, else the provider's own words with its code. */
export function describeProviderError(code: string | null, providerMessage: string): string {
  const known = code ? EXPLANATIONS[code] : undefined;
  return known ?? (code ? `${providerMessage} (error ${code})` : providerMessage);
}

/** Twilio refuses the number because its owner opted out (STOP); the number goes on the DNC list. */
export const OPTED_OUT_CODE = '21610';

export function meansOptedOut(code: string | null | undefined): boolean {
  return code === OPTED_OUT_CODE;
}

// Errors that say the number itself cannot take our messages. Sending again soon
// only costs money and hurts the sender's standing with carriers, so the number
// is suppressed for the tenant's suppression window (90 days by default).
const BOUNCE_CODES = new Set(['21211', '21614', '30004', '30005', '30006']);

export function isBounce(code: string | null | undefined): boolean {
  return code !== null && code !== undefined && BOUNCE_CODES.has(code);
}
