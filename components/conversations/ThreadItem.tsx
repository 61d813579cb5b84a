import { WorkspaceTime } from '@/components/ui/WorkspaceTime';
import type { ThreadEntry } from '@/lib/conversations/get-conversation';
import { dollars } from '../campaigns/format';
import { TakeBackReply } from './TakeBackReply';

const KEYWORD_LABELS = { OPT_OUT: 'STOP', OPT_IN: 'START', HELP: 'HELP', JOIN: 'JOIN', NONE: null } as const;

const STATE_LABELS: Record<string, string> = {
  QUEUED: 'held',
  SENDING: 'sending',
  SENT: 'sent',
  DELIVERED: 'delivered',
  FAILED: 'failed',
  UNDELIVERED: 'not delivered',
  SKIPPED: 'not sent',
};

interface ThreadItemProps {
  conversationId: string;
  entry: ThreadEntry;
  timeZone: string;
  /** Whether the reader may take back a held reply (staff). */
  canTakeBack: boolean;
}

function Body({ text }: { text: string | null }) {
  return text === null ? (
    <div className="body muted">(message hidden from viewers)</div>
  ) : (
    <div className="body">{text}</div>
  );
}

/** One message of a thread: theirs on the left, ours (campaign messages and staff replies) on the right. */
export function ThreadItem({ conversationId, entry, timeZone, canTakeBack }: ThreadItemProps) {
  const when = <WorkspaceTime at={entry.at} timeZone={timeZone} />;
  if (entry.kind === 'inbound') {
    const keyword = KEYWORD_LABELS[entry.keyword];
    return (
      <li data-kind="inbound">
        <div className="meta">
          They wrote · {when}
          {entry.possibleOptOut && <span className="badge warn">possible opt-out</span>}
          {keyword && <span className="badge">{keyword} keyword, handled</span>}
        </div>
        <Body text={entry.body} />
        {entry.automaticAnswer && (
          <div className="meta" style={{ marginTop: '.35rem' }}>
            Answered automatically: “{entry.automaticAnswer}”
          </div>
        )}
      </li>
    );
  }
  if (entry.kind === 'campaign') {
    return (
      <li className="ours" data-kind="campaign">
        <div className="meta">
          Campaign “{entry.campaignName}”{entry.from ? ` from ${entry.from}` : ''} · {when} ·{' '}
          <span className="badge">{STATE_LABELS[entry.state] ?? entry.state.toLowerCase()}</span>
        </div>
        <Body text={entry.body} />
        {entry.detail && <div className="meta">{entry.detail}</div>}
      </li>
    );
  }
  return (
    <li className="ours" data-kind="reply">
      <div className="meta">
        Reply by {entry.sentBy ?? 'a former member'} · {when} ·{' '}
        <span className="badge" data-testid="reply-state">
          {STATE_LABELS[entry.state] ?? entry.state.toLowerCase()}
        </span>{' '}
        · {entry.parts} part{entry.parts === 1 ? '' : 's'}, {dollars(entry.costMicros, { fine: true })}
      </div>
      <Body text={entry.body} />
      {entry.sendAfter && (
        <div className="meta">
          Goes at <WorkspaceTime at={entry.sendAfter} timeZone={timeZone} />.
        </div>
      )}
      {entry.detail && <div className="meta">{entry.detail}</div>}
      {entry.sendAfter && canTakeBack && <TakeBackReply conversationId={conversationId} replyId={entry.id} />}
    </li>
  );
}
