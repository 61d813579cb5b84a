// The join keyword is the workspace's own word; it may not be one the webhook
// already reads as STOP, START or HELP (lib/inbound/keywords.ts, checked by its tests).
export const RESERVED_KEYWORDS: readonly string[] = [
  'STOP',
  'STOPALL',
  'UNSUBSCRIBE',
  'OPTOUT',
  'CANCEL',
  'END',
  'QUIT',
  'REVOKE',
  'START',
  'YES',
  'UNSTOP',
  'SUBSCRIBE',
  'RESUME',
  'HELP',
  'INFO',
];

/** What the join keyword answers when the workspace has not written its own: who we are and how to stop. */
export function defaultJoinReply(businessName: string): string {
  return `${businessName}: you are subscribed to our messages. Reply STOP to opt out.`;
}

/** The join keyword's answer: the workspace's own text, or the default naming the business. */
export function joinReplyText(stored: string | null | undefined, businessName: string): string {
  return stored?.trim() || defaultJoinReply(businessName);
}
