import type { InboundKeyword } from '@/lib/generated/prisma/enums';

const KEYWORD_LABELS: Record<InboundKeyword, string | null> = {
  OPT_OUT: 'STOP handled',
  OPT_IN: 'START handled',
  HELP: 'HELP answered',
  JOIN: 'JOIN handled',
  NONE: null,
};

interface ConversationFlagsProps {
  conversation: {
    unread: boolean;
    needsReply: boolean;
    possibleOptOut: boolean;
    done: boolean;
    optedOut: boolean;
    lastInboundKeyword: InboundKeyword;
  };
}

/** A conversation's state as badges: what needs staff, and what the webhook already answered. */
export function ConversationFlags({ conversation: c }: ConversationFlagsProps) {
  const keyword = KEYWORD_LABELS[c.lastInboundKeyword];
  return (
    <>
      {c.unread && <span className="badge warn">unread</span>}
      {c.needsReply && <span className="badge">needs reply</span>}
      {c.possibleOptOut && <span className="badge warn">possible opt-out</span>}
      {keyword && <span className="badge">{keyword}</span>}
      {c.optedOut && <span className="badge">opted out</span>}
      {c.done && <span className="badge">done</span>}
    </>
  );
}
