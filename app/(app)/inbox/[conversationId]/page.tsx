import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { cache } from 'react';
import { ConversationActions } from '@/components/conversations/ConversationActions';
import { LiveRefresh } from '@/components/conversations/LiveRefresh';
import { MarkRead } from '@/components/conversations/MarkRead';
import { ReplyForm } from '@/components/conversations/ReplyForm';
import { ThreadItem } from '@/components/conversations/ThreadItem';
import { WorkspaceTime } from '@/components/ui/WorkspaceTime';
import { roleAtLeast } from '@/lib/auth/roles';
import { getConversation } from '@/lib/conversations/get-conversation';
import { listSavedReplies } from '@/lib/conversations/list-saved-replies';
import { AppError } from '@/lib/errors';
import { formatDate } from '@/lib/format/date-time';
import { getWorkspaceTimeZone } from '@/lib/tenants/get-workspace-time-zone';
import { requireActor } from '@/app/_http/current-actor';

type Params = Promise<{ conversationId: string }>;

const loadConversation = cache(async (conversationId: string) => {
  const actor = await requireActor();
  const conversation = await getConversation({ actor, conversationId }).catch((error) => {
    if (error instanceof AppError && error.code === 'not_found') notFound();
    throw error;
  });
  const name = [conversation.contact?.firstName, conversation.contact?.lastName].filter(Boolean).join(' ');
  return { actor, conversation, name: name || conversation.remoteE164 };
});

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { name } = await loadConversation((await params).conversationId);
  return { title: `${name} · Inbox` };
}

export default async function ConversationPage({ params }: { params: Params }) {
  const { actor, conversation: c, name } = await loadConversation((await params).conversationId);
  const staff = roleAtLeast(actor.role, 'STAFF');
  const [timeZone, savedReplies] = await Promise.all([
    getWorkspaceTimeZone({ actor }),
    staff ? listSavedReplies({ actor }) : [],
  ]);
  const contact = c.contact;
  return (
    <>
      <LiveRefresh />
      {staff && c.unread && <MarkRead conversationId={c.id} />}
      <p>
        <Link href="/inbox">← Inbox</Link>
      </p>
      <h1>{name}</h1>
      <p className="muted">
        {c.remoteE164} wrote to your long code {c.numberValue}
        {c.campaignName && (
          <>
            {' '}
            in answer to <Link href={`/campaigns/${c.campaignId}`}>{c.campaignName}</Link>
          </>
        )}
        .
      </p>
      {!staff && (
        <div className="notice" role="status">
          Viewers see when messages came and went, not what they said: reading messages needs the staff role.
        </div>
      )}
      {c.possibleOptOut && (
        <div className="notice warn" role="status">
          This reply may be a request to stop. Read it: if it is, opt them out (their words become the reason); if it is
          not, mark the conversation done.
        </div>
      )}
      {c.dnc && (
        <div className="notice bad" role="status">
          On the do-not-contact list since <WorkspaceTime at={c.dnc.createdAt} timeZone={timeZone} /> (
          {c.dnc.source.toLowerCase().replace(/_/g, ' ')}). No reply can be sent.
        </div>
      )}
      <div className="conversation-layout">
        <section aria-label="Thread">
          {c.thread.length === 0 ? (
            <div className="empty">Nothing sent or received yet.</div>
          ) : (
            <ol className="thread" aria-label="Messages">
              {c.thread.map((entry) => (
                <ThreadItem
                  key={`${entry.kind}-${entry.id}`}
                  conversationId={c.id}
                  entry={entry}
                  timeZone={timeZone}
                  canTakeBack={staff}
                />
              ))}
            </ol>
          )}
          {staff && (
            <ReplyForm
              conversationId={c.id}
              from={c.numberValue}
              timeZone={timeZone}
              blocked={c.dnc ? 'This number is on the do-not-contact list, so no reply can be sent.' : null}
              savedReplies={savedReplies.map((s) => ({ id: s.id, title: s.title, body: s.body }))}
            />
          )}
        </section>
        <aside className="panel" aria-label="Contact">
          <h2>Contact</h2>
          {contact ? (
            <table aria-label="Contact details">
              <tbody>
                <tr>
                  <th scope="row">Name</th>
                  <td>{[contact.firstName, contact.lastName].filter(Boolean).join(' ') || '—'}</td>
                </tr>
                <tr>
                  <th scope="row">Phone</th>
                  <td>{c.remoteE164}</td>
                </tr>
                <tr>
                  <th scope="row">E-mail</th>
                  <td>{contact.email ?? '—'}</td>
                </tr>
                <tr>
                  <th scope="row">Consent</th>
                  <td>
                    {contact.consentStatus.toLowerCase()}
                    {contact.consentSource ? ` (${contact.consentSource})` : ''}
                    {contact.consentAt ? `, ${formatDate(contact.consentAt, timeZone)}` : ''}
                  </td>
                </tr>
                <tr>
                  <th scope="row">Opted out</th>
                  <td>{c.dnc ? 'yes' : 'no'}</td>
                </tr>
                <tr>
                  <th scope="row">Tags</th>
                  <td>{contact.tags.join(', ') || '—'}</td>
                </tr>
              </tbody>
            </table>
          ) : (
            <p className="muted">{c.remoteE164} is not one of your contacts.</p>
          )}
          {contact && (
            <p>
              <Link href={`/contacts/${contact.id}`}>Open the contact</Link>
            </p>
          )}
          {staff && (
            <ConversationActions
              conversationId={c.id}
              done={c.done}
              assignedToId={c.assignedToId}
              assignees={c.assignees}
              canOptOut={!c.dnc}
              possibleOptOut={c.possibleOptOut}
              hasContact={Boolean(contact)}
            />
          )}
        </aside>
      </div>
    </>
  );
}
