import type { Metadata } from 'next';
import Link from 'next/link';
import { ContactQuerySchema, listContacts } from '@/lib/contacts/list-contacts';
import { listImportBatches } from '@/lib/imports/list-import-batches';
import { requireActor } from '@/app/_http/current-actor';

export const metadata: Metadata = { title: 'Contacts' };

type Search = Promise<Record<string, string | undefined>>;

export default async function ContactsPage({ searchParams }: { searchParams: Search }) {
  const actor = await requireActor();
  const parsed = ContactQuerySchema.safeParse(await searchParams);
  const query = parsed.success ? parsed.data : { page: 1 };
  const [{ total, contacts, page, pageSize }, batches] = await Promise.all([
    listContacts({ actor, query }),
    listImportBatches({ actor }),
  ]);
  const pages = Math.max(1, Math.ceil(total / pageSize));
  return (
    <>
      <h1>Contacts</h1>
      <form className="row panel" method="get">
        <div className="field">
          <label htmlFor="q">Search by name or phone</label>
          <input id="q" name="q" defaultValue={query.q ?? ''} placeholder="e.g. Jane or 0412 345 678" />
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
                {b.fileName} ({b.createdAt.toLocaleDateString('en-AU')})
              </option>
            ))}
          </select>
        </div>
        <div className="field" style={{ flex: 0 }}>
          <button type="submit">Filter</button>
        </div>
      </form>
      {contacts.length === 0 ? (
        <div className="empty">
          No contacts {query.q || query.consent || query.tag || query.dnc || query.batch ? 'match this filter' : 'yet'}.{' '}
          <Link href="/imports">Import a list</Link>.
        </div>
      ) : (
        <>
          <p className="muted">{total.toLocaleString('en-AU')} contact(s)</p>
          <div className="table-scroll">
            <table>
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
                    <td>{c.createdAt.toLocaleDateString('en-AU')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <p className="muted">
            Page {page} of {pages} {page > 1 && <Link href={{ query: { ...query, page: page - 1 } }}>Previous</Link>}{' '}
            {page < pages && <Link href={{ query: { ...query, page: page + 1 } }}>Next</Link>}
          </p>
        </>
      )}
    </>
  );
}
