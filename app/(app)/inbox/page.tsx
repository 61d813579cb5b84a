import type { Metadata } from 'next';
import Link from 'next/link';
import { LiveRefresh } from '@/components/conversations/LiveRefresh';
import { ConversationFlags } from '@/components/conversations/ConversationFlags';
import { InboxDigestToggle } from '@/components/conversations/InboxDigestToggle';
import { WorkspaceTime } from '@/components/ui/WorkspaceTime';
import { roleAtLeast } from '@/lib/auth/roles';
import {
  ConversationQuerySchema,
  type ConversationFilter,
  type ConversationQuery,
} from '@/lib/conversations/conversation-query';
import { getInboxDigest } from '@/lib/conversations/get-inbox-digest';
import { listConversations } from '@/lib/conversations/list-conversations';
import { getWorkspaceTimeZone } from '@/lib/tenants/get-workspace-time-zone';
import { requireActor } from '@/app/_http/current-actor';

export const metadata: Metadata = { title: 'Inbox' };

type Search = Promise<Record<string, string | string[] | undefined>>;

const FILTER_LABELS: Record<ConversationFilter, string> = {
  open: 'Open',
  unread: 'Unread',
  'needs-reply': 'Needs reply',
  'possible-opt-out': 'Possible opt-out',
  mine: 'Assigned to me',
  done: 'Done',
  all: 'All',
};

function href(query: ConversationQuery, change: Partial<ConversationQuery>): string {
  const next = { ...query, ...change };
  const params = new URLSearchParams();
  if (next.filter !== 'open') params.set('filter', next.filter);
  if (next.q) params.set('q', next.q);
  if (next.page > 1) params.set('page', String(next.page));
  const search = params.toString();
  return search ? `/inbox?${search}` : '/inbox';
}

export default async function InboxPage({ searchParams }: { searchParams: Search }) {
  const actor = await requireActor();
  const parsed = ConversationQuerySchema.safeParse(await searchParams);
  const query: ConversationQuery = parsed.success ? parsed.data : { filter: 'open', page: 1 };
  const readsBodies = roleAtLeast(actor.role, 'STAFF');
  const [{ conversations, hasMore }, timeZone, digest] = await Promise.all([
    listConversations({ actor, query }),
    getWorkspaceTimeZone({ actor }),
    readsBodies ? getInboxDigest({ actor }) : null,
  ]);
  return (
    <>
      <LiveRefresh />
      <div className="page-head">
        <h1>Inbox</h1>
        {readsBodies && <Link href="/inbox/saved-replies">Saved replies</Link>}
      </div>
      <p className="muted">
        Every reply to your long codes, one conversation per person and number. Alphanumeric sender IDs cannot receive
        replies, so messages sent from one never start a conversation here.
      </p>
      {digest && <InboxDigestToggle {...digest} />}
      {!readsBodies && (
        <div className="notice" role="status">
          Viewers see who wrote and when, not what they wrote: reading messages needs the staff role.
        </div>
      )}
      <nav className="tabs" aria-label="Show conversations">
        {(Object.keys(FILTER_LABELS) as ConversationFilter[]).map((filter) => (
          <Link
            key={filter}
            className="button secondary"
            href={href(query, { filter, page: 1 })}
            aria-current={query.filter === filter ? 'page' : undefined}
          >
            {FILTER_LABELS[filter]}
          </Link>
        ))}
      </nav>
      <form className="row panel" method="get" aria-label="Search conversations">
        {query.filter !== 'open' && <input type="hidden" name="filter" value={query.filter} />}
        <div className="field">
          <label htmlFor="q">Search by phone or name</label>
          <input id="q" name="q" type="search" defaultValue={query.q ?? ''} placeholder="e.g. 0412 345 678 or Jane" />
        </div>
        <div className="field" style={{ flex: 0 }}>
          <button type="submit">Search</button>
        </div>
      </form>
      {conversations.length === 0 ? (
        <div className="empty">
          {query.q || query.filter !== 'open'
            ? 'No conversation matches.'
            : 'No replies yet: when someone answers a message sent from one of your long codes, it shows here.'}
        </div>
      ) : (
        <div className="table-scroll">
          <table className="stack-on-phone" aria-label="Conversations">
            <thead>
              <tr>
                <th>Who</th>
                <th>Last message</th>
                <th>Answering</th>
                <th>When</th>
              </tr>
            </thead>
            <tbody>
              {conversations.map((c) => (
                <tr key={c.id} data-unread={c.unread || undefined}>
                  <td>
                    <Link href={`/inbox/${c.id}`}>
                      {c.unread ? <strong>{c.contactName ?? c.remoteE164}</strong> : (c.contactName ?? c.remoteE164)}
                    </Link>
                    {c.contactName && <div className="muted">{c.remoteE164}</div>}
                    <div className="muted">to {c.numberValue}</div>
                  </td>
                  <td>
                    {c.lastInboundBody ?? <span className="muted">(hidden from viewers)</span>}
                    <div>
                      <ConversationFlags conversation={c} />
                    </div>
                  </td>
                  <td>{c.campaignName ?? <span className="muted">no campaign</span>}</td>
                  <td>
                    <WorkspaceTime at={c.lastActivityAt} timeZone={timeZone} />
                    {c.assignedToEmail && <div className="muted">assigned to {c.assignedToEmail}</div>}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <p>
        {query.page > 1 && <Link href={href(query, { page: query.page - 1 })}>← Newer</Link>}{' '}
        {hasMore && <Link href={href(query, { page: query.page + 1 })}>Older →</Link>}
      </p>
    </>
  );
}
