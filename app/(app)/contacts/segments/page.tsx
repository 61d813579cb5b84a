import type { Metadata } from 'next';
import Link from 'next/link';
import { WorkspaceTime } from '@/components/ui/WorkspaceTime';
import { roleAtLeast } from '@/lib/auth/roles';
import { listSegments } from '@/lib/segments/list-segments';
import { getWorkspaceTimeZone } from '@/lib/tenants/get-workspace-time-zone';
import { requireActor } from '@/app/_http/current-actor';

export const metadata: Metadata = { title: 'Segments' };

export default async function SegmentsPage() {
  const actor = await requireActor();
  const [segments, timeZone] = await Promise.all([listSegments({ actor }), getWorkspaceTimeZone({ actor })]);
  return (
    <>
      <p>
        <Link href="/contacts">← Contacts</Link>
      </p>
      <div className="page-head">
        <h1>Segments</h1>
        {roleAtLeast(actor.role, 'STAFF') && (
          <Link className="button" href="/contacts/segments/new">
            New segment
          </Link>
        )}
      </div>
      <p className="muted">
        A segment picks contacts by what the app knows about them — tags, consent, where they live, when they were
        added, custom fields, and what they did (clicked, replied, opted in). A campaign can go to a segment; it records
        the segment as it was at launch.
      </p>
      {segments.length === 0 ? (
        <div className="empty">No segments yet.</div>
      ) : (
        <div className="table-scroll">
          <table className="stack-on-phone" aria-label="Segments">
            <thead>
              <tr>
                <th>Name</th>
                <th>Last changed</th>
              </tr>
            </thead>
            <tbody>
              {segments.map((s) => (
                <tr key={s.id}>
                  <td data-label="Name">
                    <Link href={`/contacts/segments/${s.id}`}>{s.name}</Link>
                  </td>
                  <td data-label="Last changed">
                    <WorkspaceTime at={s.updatedAt} timeZone={timeZone} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
