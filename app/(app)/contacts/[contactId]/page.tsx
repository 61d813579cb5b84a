import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { cache } from 'react';
import { z } from 'zod';
import { EraseContactForm } from '@/components/contacts/EraseContactForm';
import { UndoOptOutForm } from '@/components/contacts/UndoOptOutForm';
import { WorkspaceTime } from '@/components/ui/WorkspaceTime';
import { roleAtLeast } from '@/lib/auth/roles';
import { getContact } from '@/lib/contacts/get-contact';
import { getContactHistory, type ContactHistoryEntry } from '@/lib/contacts/get-contact-history';
import { getContactTimeline } from '@/lib/contacts/get-contact-timeline';
import { AppError } from '@/lib/errors';
import { formatDate } from '@/lib/format/date-time';
import { getWorkspaceTimeZone } from '@/lib/tenants/get-workspace-time-zone';
import { requireActor } from '@/app/_http/current-actor';

type Params = Promise<{ contactId: string }>;

// Cached for the request, so the title and the page read the contact once.
const loadContact = cache(async (contactId: string) => {
  const actor = await requireActor();
  const parsed = z.string().uuid().safeParse(contactId);
  if (!parsed.success) notFound();
  const contact = await getContact({ actor, contactId: parsed.data }).catch((error) => {
    if (error instanceof AppError && error.code === 'not_found') notFound();
    throw error;
  });
  return { actor, contact, name: [contact.firstName, contact.lastName].filter(Boolean).join(' ') };
});

const TIMELINE_BADGES = { inbound: 'from contact', click: 'click', consent: 'consent' } as const;

const FIELD_NAMES: Record<string, string> = {
  firstName: 'First name',
  lastName: 'Last name',
  email: 'E-mail',
  state: 'State',
  postcode: 'Postcode',
  timeZone: 'Time zone',
  tags: 'Tags',
  customFields: 'Custom fields',
};

function shown(value: unknown): string {
  if (value === null || value === '') return '(none)';
  if (Array.isArray(value)) return value.length ? value.join(', ') : '(none)';
  if (typeof value === 'object')
    return (
      Object.entries(value as Record<string, unknown>)
        .map(([k, v]) => `${k}: ${String(v)}`)
        .join(', ') || '(none)'
    );
  return String(value);
}

function describeChange(change: ContactHistoryEntry['changes'][number]): string {
  return `${FIELD_NAMES[change.field] ?? change.field}: ${shown(change.from)} → ${shown(change.to)}`;
}

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { contact, name } = await loadContact((await params).contactId);
  return { title: name || contact.phoneE164 };
}

export default async function ContactPage({ params }: { params: Params }) {
  const { actor, contact, name } = await loadContact((await params).contactId);
  const [timeline, history, timeZone] = await Promise.all([
    getContactTimeline({ actor, contactId: contact.id }),
    getContactHistory({ actor, contactId: contact.id }),
    getWorkspaceTimeZone({ actor }),
  ]);
  const custom = Object.entries(contact.customFields as Record<string, string>);
  const fields: [string, string | null][] = [
    ['Phone', contact.phoneE164],
    ['E-mail', contact.personalDataHidden ? 'Hidden from viewers' : contact.email],
    ['Tags', contact.tags.join(', ') || null],
    ['Time zone', contact.timeZone],
    ['State', contact.state],
    ['Postcode', contact.postcode],
    [
      'Consent',
      `${contact.consentStatus.toLowerCase()}${contact.consentSource ? ` (${contact.consentSource})` : ''}${contact.consentAt ? `, ${formatDate(contact.consentAt, timeZone)}` : ''}`,
    ],
    ...custom.map(([k, v]) => [k, v] as [string, string]),
  ];
  return (
    <>
      <p>
        <Link href="/contacts">← Contacts</Link>
      </p>
      <div className="page-head">
        <h1>{name || contact.phoneE164}</h1>
        {roleAtLeast(actor.role, 'STAFF') && (
          <Link className="button secondary" href={`/contacts/${contact.id}/edit`}>
            Edit
          </Link>
        )}
      </div>
      {contact.personalDataHidden && (
        <p className="muted">
          As a viewer you see this contact&apos;s name and history; the phone number is masked, and e-mail, custom
          fields and message texts are shown to staff only.
        </p>
      )}
      {contact.dnc && (
        <div className="notice bad" role="status">
          On the do-not-contact list since <WorkspaceTime at={contact.dnc.createdAt} timeZone={timeZone} /> (
          {contact.dnc.source.toLowerCase().replace(/_/g, ' ')}). No message will be sent.
        </div>
      )}
      {contact.dnc && roleAtLeast(actor.role, 'ADMIN') && <UndoOptOutForm contactId={contact.id} />}
      {roleAtLeast(actor.role, 'ADMIN') && (
        <EraseContactForm contactId={contact.id} label={name || contact.phoneE164} />
      )}
      <div className="panel">
        <div className="table-scroll">
          <table aria-label="Contact details">
            <tbody>
              {fields.map(([label, value]) => (
                <tr key={label}>
                  <th scope="row">{label}</th>
                  <td>{value ?? <span className="muted">—</span>}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </div>
      <h2>Messages, clicks and opt-outs</h2>
      {timeline.length === 0 ? (
        <div className="empty">No messages to or from this contact yet.</div>
      ) : (
        <div className="table-scroll">
          <table className="stack-on-phone" aria-label="Message history">
            <thead>
              <tr>
                <th>When</th>
                <th>What</th>
                <th>Details</th>
              </tr>
            </thead>
            <tbody>
              {timeline.map((t, i) => (
                <tr key={i}>
                  <td>
                    <WorkspaceTime at={t.at} timeZone={timeZone} />
                  </td>
                  <td>
                    {t.kind !== 'message' && <span className="badge">{TIMELINE_BADGES[t.kind]}</span>} {t.title}
                  </td>
                  <td>{t.detail ?? ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <h2>Changes</h2>
      {history.length === 0 ? (
        <div className="empty">Nobody has changed this contact by hand.</div>
      ) : (
        <div className="table-scroll">
          <table className="stack-on-phone" aria-label="Changes by staff">
            <thead>
              <tr>
                <th>When</th>
                <th>Who</th>
                <th>What</th>
              </tr>
            </thead>
            <tbody>
              {history.map((h, i) => (
                <tr key={i}>
                  <td>
                    <WorkspaceTime at={h.at} timeZone={timeZone} />
                  </td>
                  <td>{h.who ?? 'former member'}</td>
                  <td>
                    {h.what}
                    {h.changes.length > 0 && (
                      <ul className="plain">
                        {h.changes.map((c) => (
                          <li key={c.field}>{describeChange(c)}</li>
                        ))}
                      </ul>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <h2>Consent history</h2>
      {contact.consentEvents.length === 0 ? (
        <div className="empty">No consent changes recorded.</div>
      ) : (
        <div className="table-scroll">
          <table aria-label="Consent history">
            <thead>
              <tr>
                <th>When</th>
                <th>What</th>
                <th>Consent</th>
                <th>How</th>
              </tr>
            </thead>
            <tbody>
              {contact.consentEvents.map((e) => (
                <tr key={String(e.id)}>
                  <td>
                    <WorkspaceTime at={e.occurredAt} timeZone={timeZone} />
                  </td>
                  <td>{e.action.toLowerCase().replace(/_/g, ' ')}</td>
                  <td>{e.status?.toLowerCase() ?? '—'}</td>
                  <td>
                    {e.source}
                    {e.importBatchId && (
                      <>
                        {' '}
                        · <Link href={`/imports/${e.importBatchId}`}>import</Link>
                      </>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <h2>Imports that touched this contact</h2>
      {contact.imports.length === 0 ? (
        <div className="empty">Not imported from a file.</div>
      ) : (
        <ul>
          {contact.imports.map((i) => (
            <li key={i.batch.id}>
              <Link href={`/imports/${i.batch.id}`}>{i.batch.fileName}</Link> — {i.action.toLowerCase()} on{' '}
              <WorkspaceTime at={i.createdAt} timeZone={timeZone} />
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
