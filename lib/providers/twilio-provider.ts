import twilio from 'twilio';
import type RequestClient from 'twilio/lib/base/RequestClient';
import type { OutboundSms, SendOutcome, SentMessage, SmsProvider } from './sms-provider';
import { classifyTwilioError } from './twilio-errors';

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

/** What our status-callback URL names: the staff reply, or else the send job. */
function callbackQuery(message: OutboundSms): string {
  return message.conversationReplyId !== undefined ? `cr=${message.conversationReplyId}` : `sj=${message.jobId}`;
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
          // Twilio signs the whole URL, query included, so the job or reply id cannot be forged.
          statusCallback: `${config.statusCallbackUrl}${separator}${callbackQuery(message)}`,
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
