import twilio from 'twilio';
import type RequestClient from 'twilio/lib/base/RequestClient';
import type { OutboundSms, SendOutcome, SentMessage, SmsProvider } from './sms-provider';

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

export interface TwilioProviderConfig {
  accountSid: string;
  authToken: string;
  messagingServiceSid?: string | null;
  /** Another origin for Twilio's REST API (the contract mock in tests). */
  apiBaseUrl?: string | null;
  /** Our public status webhook; each message's job id is appended to it. */
  statusCallbackUrl: string;
  /** How long one request may take before it counts as a transient failure. */
  timeoutMs?: number;
}

const DEFAULT_TIMEOUT_MS = 15_000;
/**
 * Twilio's Smart Encoding may have swapped curly quotes and dashes for plain ones
 * in what it stored, so bodies are compared with those differences ironed out.
 */
function sameText(stored: string | null, ours: string): boolean {
  const iron = (text: string) =>
    text
      .normalize('NFKC')
      .replace(/[‘’‚‛′]/g, "'")
      .replace(/[“”„‟″]/g, '"')
      .replace(/[‐‑‒–—―]/g, '-')
      .replace(/…/g, '...')
      .replace(/\s+/g, ' ')
      .trim();
  return stored !== null && iron(stored) === iron(ours);
}

/** The newest messages to one recipient that findSent looks through. */
const FIND_SENT_PAGE_SIZE = 20;
/** Our clock and Twilio's may disagree by this much. */
const CLOCK_SKEW_MS = 60_000;

/**
 * Sends through whichever origin it was given: Twilio's SDK builds absolute
 * https://api.twilio.com URLs (or regional ones) that cannot be configured.
 */
class RebasedRequestClient extends twilio.RequestClient {
  constructor(
    private readonly baseUrl: string,
    options: RequestClient.RequestClientOptions,
  ) {
    super(options);
  }

  override request<TData>(options: RequestClient.RequestOptions<TData>) {
    const { pathname, search } = new URL(options.uri);
    return super.request({ ...options, uri: `${this.baseUrl}${pathname}${search}` });
  }
}

export function twilioProvider(config: TwilioProviderConfig): SmsProvider {
  // The SDK would accept empty credentials and fail every send as if Twilio were unreachable.
  if (!config.accountSid || !config.authToken) throw new Error('Twilio needs an account SID and an auth token');
  // No SDK retries: the drain retries transient failures itself, with backoff
  // and inside the rate limits, and a request must end within the timeout.
  const clientOptions = { timeout: config.timeoutMs ?? DEFAULT_TIMEOUT_MS, autoRetry: false };
  const httpClient = config.apiBaseUrl
    ? new RebasedRequestClient(config.apiBaseUrl.replace(/\/+$/, ''), clientOptions)
    : new twilio.RequestClient(clientOptions);
  const client = twilio(config.accountSid, config.authToken, { httpClient });
  const separator = config.statusCallbackUrl.includes('?') ? '&' : '?';

  return {
    name: 'twilio',

    async send(message: OutboundSms): Promise<SendOutcome> {
      const messagingServiceSid = message.messagingServiceSid ?? config.messagingServiceSid ?? null;
      // With a Messaging Service an explicit sender picks that one from its pool
      // (warm-up and per-number limits are counted per sender); without one the
      // service chooses.
      const sender = messagingServiceSid
        ? { messagingServiceSid, ...(message.from ? { from: message.from } : {}) }
        : { from: message.from };
      try {
        const created = await client.messages.create({
          to: message.to,
          body: message.body,
          // Twilio signs the whole URL, query included, so the job id cannot be forged.
          statusCallback: `${config.statusCallbackUrl}${separator}sj=${message.jobId}`,
          ...sender,
        });
        return { ok: true, providerMessageId: created.sid, status: created.status };
      } catch (error) {
        return classifyTwilioError(error);
      }
    },

    async findSent(query): Promise<SentMessage | null> {
      // A Messaging Service may pick another sender from its pool, so only a
      // plain number send can be narrowed by 'From'. One page of the newest
      // messages is enough: the one we look for was created moments before the crash.
      const page = await client.messages.page({
        to: query.to,
        ...(config.messagingServiceSid ? {} : { from: query.from }),
        pageSize: FIND_SENT_PAGE_SIZE,
      });
      const earliest = query.createdAfter.getTime() - CLOCK_SKEW_MS;
      const found = page.instances.find((m) => sameText(m.body, query.body) && createdAt(m.dateCreated) >= earliest);
      return found ? { providerMessageId: found.sid, status: found.status } : null;
    },
  };
}

/** The SDK hands back the raw string when it cannot parse a date. */
function createdAt(value: Date | string): number {
  return new Date(value).getTime();
}
