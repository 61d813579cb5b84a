import type { Metadata } from 'next';
import Link from 'next/link';
import { AddToDncForm } from '@/components/contacts/AddToDncForm';
import { RemoveFromDncForm } from '@/components/contacts/RemoveFromDncForm';
import { WorkspaceTime } from '@/components/ui/WorkspaceTime';
import { roleAtLeast } from '@/lib/auth/roles';
import { DncQuerySchema } from '@/lib/contacts/dnc-schemas';
import { DNC_SOURCE_LABELS } from '@/lib/contacts/dnc-source-labels';
import { listDncEntries } from '@/lib/contacts/list-dnc-entries';
import { formatCount, formatQuantity } from '@/lib/format/number';
import { getWorkspaceTimeZone } from '@/lib/tenants/get-workspace-time-zone';
import { requireActor } from '@/app/_http/current-actor';

export const metadata: Metadata = { title: 'Do-not-contact list' };

type Search = Promise<Record<string, string | string[] | undefined>>;

export default async function DncPage({ searchParams }: { searchParams: Search }) {
  const actor = await requireActor();
  if (!roleAtLeast(actor.role, 'STAFF')) {
    return (
      <>
        <h1>Do-not-contact list</h1>
        <div className="empty">
          The do-not-contact list holds people&apos;s numbers, so only staff and admins see it.
        </div>
      </>
    );
  }
  const query = DncQuerySchema.parse(await searchParams);
  const [{ total, entries, page, pageSize }, timeZone] = await Promise.all([
    listDncEntries({ actor, query }),
    getWorkspaceTimeZone({ actor }),
  ]);
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const isAdmin = roleAtLeast(actor.role, 'ADMIN');
  const pageLink = (n: number) => ({ query: { ...(query.q ? { q: query.q } : {}), ...(n > 1 ? { page: n } : {}) } });
  return (
    <>
      <p>
        <Link href="/contacts">← Contacts</Link>
      </p>
      <h1>Do-not-contact list</h1>
      <p className="muted">
        No message is ever sent to a number on this list, whoever imports it. Numbers come here when people reply STOP,
        unsubscribe on the web, opt out with their carrier, or ask staff. Only admins can take a number off, with a
        reason.
      </p>
      <AddToDncForm />
      <form className="row panel" method="get" aria-label="Search the do-not-contact list">
        <div className="field">
          <label htmlFor="dnc-q">Search by number or reason</label>
          <input
            id="dnc-q"
            name="q"
            type="search"
            defaultValue={query.q}
            placeholder="e.g. 0412 345 678 or complaint"
          />
        </div>
        <div className="field" style={{ flex: 0 }}>
          <button type="submit">Search</button>
        </div>
        <div className="field" style={{ flex: 0 }}>
          <a className="button secondary" href={`/api/dnc/export${query.q ? `?q=${encodeURIComponent(query.q)}` : ''}`}>
            Download (CSV)
          </a>
        </div>
      </form>
      <p className="muted" role="status">
        {formatQuantity(total, 'number')}
        {query.q ? (total === 1 ? ' matches' : ' match') : ' on the list'}
      </p>
      {entries.length > 0 && (
        <div className="table-scroll">
          <table className="stack-on-phone" aria-label="Do-not-contact list">
            <thead>
              <tr>
                <th>Number</th>
                <th>How it got here</th>
                <th>Reason</th>
                <th>Added</th>
                <th>By</th>
                {isAdmin && <th>Take off</th>}
              </tr>
            </thead>
            <tbody>
              {entries.map((e) => (
                <tr key={e.phoneE164}>
                  <td>{e.contactId ? <Link href={`/contacts/${e.contactId}`}>{e.phoneE164}</Link> : e.phoneE164}</td>
                  <td data-label="How it got here">{DNC_SOURCE_LABELS[e.source]}</td>
                  <td data-label="Reason">{e.reason ?? <span className="muted">—</span>}</td>
                  <td data-label="Added">
                    <WorkspaceTime at={e.createdAt} timeZone={timeZone} />
                  </td>
                  <td data-label="By">{e.createdBy ?? <span className="muted">—</span>}</td>
                  {isAdmin && (
                    <td>
                      <RemoveFromDncForm phoneE164={e.phoneE164} />
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {pages > 1 && (
        <p className="muted">
          Page {formatCount(page)} of {formatCount(pages)} {page > 1 && <Link href={pageLink(page - 1)}>Previous</Link>}{' '}
          {page < pages && <Link href={pageLink(page + 1)}>Next</Link>}
        </p>
      )}
    </>
  );
}
