/** One message handed to a provider. */
export interface OutboundSms {
  /** Our send job; it rides on the status-callback URL so a callback can find its job even if we crashed before recording the provider's id. */
  jobId: bigint;
  /** Set for a staff reply in a conversation: the status-callback URL names the reply (`?cr=`) instead of a job. */
  conversationReplyId?: bigint;
  /** E.164. */
  to: string;
  /** A long code (E.164) or an alphanumeric sender ID; with a Messaging Service it must be one of the service's senders. */
  from: string;
  messagingServiceSid: string | null;
  body: string;
}

/**
 * What became of a send. `transient` may succeed later (retry with backoff);
 * `permanent` never will for this recipient (fail the job); `account` means the
 * provider refuses everything (bad credentials, suspended account): no job is to
 * blame, so the drain stops and puts the job back untouched. `uncertain` means
 * the request went out but no answer came back (a timeout): the provider may
 * hold the message, so it is looked up later instead of being sent again.
 */
export type SendOutcome =
  | { ok: true; providerMessageId: string; status: string }
  | { ok: false; kind: 'transient' | 'permanent' | 'account' | 'uncertain'; code: string | null; message: string };

export interface SentMessage {
  providerMessageId: string;
  status: string;
}

export interface SmsProvider {
  readonly name: 'twilio' | 'simulator' | 'null';
  send(message: OutboundSms): Promise<SendOutcome>;
  /**
   * After a crash between handing a message over and recording the answer: the
   * message the provider already holds for this job (same recipient and body,
   * created after `createdAfter`), or null when it never arrived.
   */
  findSent(query: {
    jobId: bigint;
    to: string;
    from: string;
    body: string;
    createdAfter: Date;
  }): Promise<SentMessage | null>;
}
