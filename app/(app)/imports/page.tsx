import type { Metadata } from 'next';
import Link from 'next/link';
import { ImportUpload } from '@/components/imports/ImportUpload';
import { roleAtLeast } from '@/lib/auth/roles';
import { listImportBatches } from '@/lib/imports/list-import-batches';
import { requireActor } from '@/app/_http/current-actor';

export const metadata: Metadata = { title: 'Imports' };

export default async function ImportsPage() {
  const actor = await requireActor();
  const batches = await listImportBatches({ actor });
  const n = (v: number) => v.toLocaleString('en-AU');
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
                  <td>{n(b.totalRows)}</td>
                  <td>{n(b.createCount)}</td>
                  <td>{n(b.updateCount)}</td>
                  <td>{n(b.unchangedCount)}</td>
                  <td>{n(b.rejectCount)}</td>
                  <td>{b.createdBy}</td>
                  <td>{b.createdAt.toLocaleString('en-AU')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
