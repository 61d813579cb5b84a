// Spam Act 2003 s17–18: every marketing message names its sender and carries a
// functional unsubscribe. A long code can take a STOP reply; an alphanumeric
// sender ID cannot receive replies, so its messages carry a web link instead.

export interface MessageFooterOptions {
  senderName: string;
  canReceiveReplies: boolean;
  unsubscribeUrl: string;
}

export function messageFooter(options: MessageFooterOptions): string {
  return options.canReceiveReplies
    ? `\nFrom ${options.senderName}. Reply STOP to opt out`
    : `\nFrom ${options.senderName}. Opt out: ${options.unsubscribeUrl}`;
}
