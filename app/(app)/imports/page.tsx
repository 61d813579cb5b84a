import { listImportBatches } from '@/lib/imports/list-import-batches';
import { requireActor } from '@/app/_http/current-actor';

export default async function ImportsPage() {
  const actor = await requireActor();
  const batches = await listImportBatches({ actor });
  return (
    <>
      <h1>Imports</h1>
      <h2>Import history</h2>
      {batches.length === 0 ? (
        <div className="empty">No contact lists have been imported into {actor.tenantName} yet.</div>
      ) : (
        <table>
          <thead>
            <tr><th>File</th><th>Status</th><th>Rows</th><th>Created</th><th>Updated</th><th>Unchanged</th><th>Rejected</th><th>By</th><th>When</th></tr>
          </thead>
          <tbody>
            {batches.map((b) => (
              <tr key={b.id}>
                <td>{b.fileName}</td>
                <td><span className="badge">{b.status.toLowerCase()}</span></td>
                <td>{b.totalRows.toLocaleString('en-AU')}</td>
                <td>{b.createCount.toLocaleString('en-AU')}</td>
                <td>{b.updateCount.toLocaleString('en-AU')}</td>
                <td>{b.unchangedCount.toLocaleString('en-AU')}</td>
                <td>{b.rejectCount.toLocaleString('en-AU')}</td>
                <td>{b.createdBy}</td>
                <td>{b.createdAt.toLocaleString('en-AU')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
