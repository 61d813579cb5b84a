import type { Metadata } from 'next';
import Link from 'next/link';
import { ImportUpload } from '@/components/imports/ImportUpload';
import { WorkspaceTime } from '@/components/ui/WorkspaceTime';
import { roleAtLeast } from '@/lib/auth/roles';
import { formatCount } from '@/lib/format/number';
import { listImportBatches } from '@/lib/imports/list-import-batches';
import { getWorkspaceTimeZone } from '@/lib/tenants/get-workspace-time-zone';
import { requireActor } from '@/app/_http/current-actor';

export const metadata: Metadata = { title: 'Imports' };

export default async function ImportsPage() {
  const actor = await requireActor();
  const [batches, timeZone] = await Promise.all([listImportBatches({ actor }), getWorkspaceTimeZone({ actor })]);
  return (
    <>
      <h1>Imports</h1>
      {roleAtLeast(actor.role, 'STAFF') && <ImportUpload />}
      <h2>Import history</h2>
      {batches.length === 0 ? (
        <div className="empty">No contact lists have been imported into {actor.tenantName} yet.</div>
      ) : (
        <div className="table-scroll">
          <table aria-label="Import history">
            <thead>
              <tr>
                <th>File</th>
                <th>Status</th>
                <th>Rows</th>
                <th>Created</th>
                <th>Updated</th>
                <th>Unchanged</th>
                <th>Rejected</th>
                <th>By</th>
                <th>When</th>
              </tr>
            </thead>
            <tbody>
              {batches.map((b) => (
                <tr key={b.id}>
                  <td>
                    <Link href={`/imports/${b.id}`}>{b.fileName}</Link>
                  </td>
                  <td>
                    <span className="badge">{b.status.toLowerCase()}</span>
                  </td>
                  <td>{formatCount(b.totalRows)}</td>
                  <td>{formatCount(b.createCount)}</td>
                  <td>{formatCount(b.updateCount)}</td>
                  <td>{formatCount(b.unchangedCount)}</td>
                  <td>{formatCount(b.rejectCount)}</td>
                  <td>{b.createdBy}</td>
                  <td>
                    <WorkspaceTime at={b.createdAt} timeZone={timeZone} />
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
