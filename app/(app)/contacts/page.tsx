import type { Metadata } from 'next';
import Link from 'next/link';
import { BulkActionsPanel } from '@/components/contacts/BulkActionsPanel';
import { WorkspaceTime } from '@/components/ui/WorkspaceTime';
import { roleAtLeast } from '@/lib/auth/roles';
import { ContactQuerySchema, type ContactQuery } from '@/lib/contacts/contact-query';
import { listContacts } from '@/lib/contacts/list-contacts';
import { formatDate } from '@/lib/format/date-time';
import { formatCount, formatQuantity } from '@/lib/format/number';
import { listImportBatches } from '@/lib/imports/list-import-batches';
import { getWorkspaceTimeZone } from '@/lib/tenants/get-workspace-time-zone';
import { requireActor } from '@/app/_http/current-actor';

export const metadata: Metadata = { title: 'Contacts' };

type Search = Promise<Record<string, string | string[] | undefined>>;

/** The filter as page links carry it: only the fields that filter something. */
function linkQuery(query: ContactQuery, page: number): Record<string, string> {
  const entries = Object.entries({ ...query, page: page > 1 ? String(page) : undefined });
  return Object.fromEntries(entries.filter((e): e is [string, string] => typeof e[1] === 'string' && e[1] !== ''));
}

export default async function ContactsPage({ searchParams }: { searchParams: Search }) {
  const actor = await requireActor();
  const search = await searchParams;
  const erased = search.erased === '1';
  const parsed = ContactQuerySchema.safeParse(search);
  const query: ContactQuery = parsed.success ? parsed.data : { page: 1 };
  const [{ total, contacts, page, pageSize }, batches, timeZone] = await Promise.all([
    listContacts({ actor, query }),
    listImportBatches({ actor }),
    getWorkspaceTimeZone({ actor }),
  ]);
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const filtered = Boolean(query.q || query.consent || query.tag || query.dnc || query.batch);
  return (
    <>
      <div className="page-head">
        <h1>Contacts</h1>
        <div className="row">
          <Link className="button secondary" href="/contacts/segments">
            Segments
          </Link>
          {roleAtLeast(actor.role, 'STAFF') && (
            <>
              <a
                className="button secondary"
                href={`/api/contacts/export?${new URLSearchParams(linkQuery(query, 1)).toString()}`}
                download
              >
                Export {filtered ? 'these contacts' : 'contacts'} (CSV)
              </a>
              <Link className="button secondary" href="/contacts/dnc">
                Do-not-contact list
              </Link>
              <Link className="button" href="/contacts/new">
                New contact
              </Link>
            </>
          )}
        </div>
      </div>
      <form className="row panel" method="get" aria-label="Filter contacts">
        <div className="field">
          <label htmlFor="q">Search by name, e-mail or phone</label>
          <input id="q" name="q" type="search" defaultValue={query.q ?? ''} placeholder="e.g. Jane or 0412 345 678" />
        </div>
        <div className="field">
          <label htmlFor="consent">Consent</label>
          <select id="consent" name="consent" defaultValue={query.consent ?? ''}>
            <option value="">Any</option>
            <option value="EXPLICIT">Explicit</option>
            <option value="IMPLIED">Implied</option>
            <option value="UNKNOWN">Unknown</option>
          </select>
        </div>
        <div className="field">
          <label htmlFor="tag">Tag</label>
          <input id="tag" name="tag" defaultValue={query.tag ?? ''} placeholder="e.g. vip" />
        </div>
        <div className="field">
          <label htmlFor="dnc">Do-not-contact</label>
          <select id="dnc" name="dnc" defaultValue={query.dnc ?? ''}>
            <option value="">Everyone</option>
            <option value="exclude">Not opted out</option>
            <option value="only">Opted out only</option>
          </select>
        </div>
        <div className="field">
          <label htmlFor="batch">Import</label>
          <select id="batch" name="batch" defaultValue={query.batch ?? ''}>
            <option value="">Any</option>
            {batches.map((b) => (
              <option key={b.id} value={b.id}>
                {b.fileName} ({formatDate(b.createdAt, timeZone)})
              </option>
            ))}
          </select>
        </div>
        <div className="field" style={{ flex: 0 }}>
          <button type="submit">Filter</button>
        </div>
      </form>
      {erased && (
        <div className="notice" role="status">
          The person was erased. Their number stays on the do-not-contact list.
        </div>
      )}
      {!parsed.success && (
        <div className="notice bad" role="alert">
          This filter could not be used, so every contact is shown:{' '}
          {[...new Set(parsed.error.issues.map((i) => i.message))].join(' ')}
        </div>
      )}
      {contacts.length === 0 ? (
        <div className="empty">
          No contacts {filtered ? 'match this filter' : 'yet'}. <Link href="/imports">Import a list</Link>.
        </div>
      ) : (
        <>
          <p className="muted" role="status">
            {formatQuantity(total, 'contact')}
            {filtered ? (total === 1 ? ' matches this filter' : ' match this filter') : ''}
          </p>
          {roleAtLeast(actor.role, 'STAFF') && (
            <BulkActionsPanel
              filter={{ q: query.q, consent: query.consent, tag: query.tag, dnc: query.dnc, batch: query.batch }}
              total={total}
              filtered={filtered}
              canDelete={roleAtLeast(actor.role, 'ADMIN')}
            />
          )}
          <div className="table-scroll">
            <table aria-label="Contacts">
              <thead>
                <tr>
                  <th>Phone</th>
                  <th>Name</th>
                  <th>Consent</th>
                  <th>Tags</th>
                  <th>Added</th>
                </tr>
              </thead>
              <tbody>
                {contacts.map((c) => (
                  <tr key={c.id}>
                    <td>
                      <Link href={`/contacts/${c.id}`}>{c.phoneE164}</Link>
                    </td>
                    <td>{[c.firstName, c.lastName].filter(Boolean).join(' ') || <span className="muted">—</span>}</td>
                    <td>
                      <span className="badge">{c.consentStatus.toLowerCase()}</span>{' '}
                      {c.optedOutAt && <span className="badge">opted out</span>}
                    </td>
                    <td>{c.tags.join(', ')}</td>
                    <td>
                      <WorkspaceTime at={c.createdAt} timeZone={timeZone} dateOnly />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <p className="muted">
            Page {formatCount(page)} of {formatCount(pages)}{' '}
            {page > 1 && <Link href={{ query: linkQuery(query, page - 1) }}>Previous</Link>}{' '}
            {page < pages && <Link href={{ query: linkQuery(query, page + 1) }}>Next</Link>}
          </p>
        </>
      )}
    </>
  );
}
