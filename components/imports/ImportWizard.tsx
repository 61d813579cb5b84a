'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useCallback, useEffect, useState } from 'react';
import { formatCount } from '@/lib/format/number';
import { apiRequest } from '../api-request';
import { ProgressBar } from '../ui/ProgressBar';
import { WorkspaceTime } from '../ui/WorkspaceTime';
import { ColumnMappingForm } from './ColumnMappingForm';
import type { ImportBatch } from './import-batch';
import { ImportSummary } from './ImportSummary';
import { RowDecisions } from './RowDecisions';
import { TouchedContacts } from './TouchedContacts';

interface ImportWizardProps {
  initial: ImportBatch;
  canEdit: boolean;
  /** The workspace's zone, in which the batch's times are shown. */
  timeZone: string;
}

/** The import of one file from mapping to commit, following the batch's state in the database. */
export function ImportWizard({ initial, canEdit, timeZone }: ImportWizardProps) {
  const router = useRouter();
  const [batch, setBatch] = useState(initial);
  const [editingMapping, setEditingMapping] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const refresh = useCallback(async () => {
    const result = await apiRequest<{ batch: ImportBatch }>(`/api/imports/${initial.id}`, { method: 'GET' });
    if (result.ok) setBatch(result.data.batch);
  }, [initial.id]);

  const running = batch.status === 'ANALYSING' || batch.status === 'COMMITTING';
  useEffect(() => {
    if (!running) return;
    const timer = setInterval(() => void refresh(), 1000);
    return () => clearInterval(timer);
  }, [running, refresh]);

  async function commit() {
    setError(null);
    const result = await apiRequest(`/api/imports/${batch.id}/commit`, { method: 'POST' });
    if (!result.ok) return setError(result.message);
    setBatch({ ...batch, status: 'COMMITTING' });
  }

  const accepted = batch.createCount + batch.updateCount;
  // A failed commit keeps its dry run's decisions (analysedAt) and can be resumed; a failed dry run has none.
  const commitFailed = batch.status === 'FAILED' && batch.analysedAt !== null;
  const showMapping =
    canEdit &&
    batch.format &&
    (batch.status === 'UPLOADED' ||
      editingMapping ||
      (batch.status === 'FAILED' && batch.encoding !== null && !commitFailed));

  return (
    <>
      <p className="muted">
        {batch.fileName} · {(batch.fileSize / 1024 / 1024).toFixed(1)} MB · uploaded by {batch.createdBy} on{' '}
        <WorkspaceTime at={batch.createdAt} timeZone={timeZone} />
      </p>
      {error && (
        <div className="notice bad" role="alert">
          {error}
        </div>
      )}
      {batch.status === 'FAILED' && batch.error && (
        <div className="notice bad" role="alert">
          {batch.error}
        </div>
      )}

      {showMapping && batch.format ? (
        <ColumnMappingForm
          batch={batch}
          onStarted={() => {
            setEditingMapping(false);
            setBatch({ ...batch, status: 'ANALYSING', processedRows: 0 });
          }}
        />
      ) : null}

      {batch.status === 'ANALYSING' && (
        <div className="panel">
          <h2>Checking every row</h2>
          <ProgressBar label="Dry run" value={estimateShare(batch)} />
          <p className="muted">
            {formatCount(batch.processedRows)} rows checked. Nothing is written to your contacts during the dry run.
          </p>
        </div>
      )}

      {(batch.status === 'ANALYSED' || batch.status === 'COMMITTING' || batch.status === 'COMMITTED' || commitFailed) &&
        !editingMapping && (
          <>
            <ImportSummary batch={batch} />
            {batch.status === 'ANALYSED' && canEdit && (
              <div className="panel row">
                <button type="button" onClick={() => void commit()} disabled={accepted === 0}>
                  Commit: create {formatCount(batch.createCount)} and update {formatCount(batch.updateCount)} contacts
                </button>
                <button type="button" className="secondary" onClick={() => setEditingMapping(true)}>
                  Change the mapping
                </button>
              </div>
            )}
            {batch.status === 'COMMITTING' && (
              <div className="panel">
                <h2>Committing</h2>
                <ProgressBar label="Commit" value={accepted ? batch.committedRows / accepted : 1} />
                <p className="muted">
                  {formatCount(batch.committedRows)} of {formatCount(accepted)} contacts written. You can leave this
                  page; if the commit stops, resume it and it carries on where it stopped.
                </p>
                {canEdit && (
                  <button type="button" className="secondary" onClick={() => void commit()}>
                    Resume the commit
                  </button>
                )}
              </div>
            )}
            {commitFailed && (
              <div className="panel">
                <h2>Commit stopped</h2>
                <ProgressBar label="Commit" value={accepted ? batch.committedRows / accepted : 0} />
                <p className="muted">
                  Resuming carries on where the commit stopped. A new dry run decides every row again against your
                  contacts as they are now, including those this commit already wrote.
                </p>
                {canEdit && (
                  <div className="row">
                    <button type="button" onClick={() => void commit()}>
                      Resume the commit
                    </button>
                    <button type="button" className="secondary" onClick={() => setEditingMapping(true)}>
                      Change the mapping
                    </button>
                  </div>
                )}
              </div>
            )}
            {batch.status === 'COMMITTED' && (
              <div className="notice" role="status">
                Import committed: {formatCount(batch.createCount)} contacts created and {formatCount(batch.updateCount)}{' '}
                updated. <Link href={`/contacts?batch=${batch.id}`}>See them in Contacts</Link>.
              </div>
            )}
            <RowDecisions
              batchId={batch.id}
              rejectCount={batch.rejectCount}
              canDownload={canEdit}
              rejectReasons={batch.rejectReasons}
              key={`${batch.status}-${batch.analysedAt}`}
            />
            {batch.touchedContacts.length > 0 && <TouchedContacts batch={batch} />}
          </>
        )}
      {batch.status === 'FAILED' && !batch.encoding && (
        <p>
          <button type="button" className="secondary" onClick={() => router.push('/imports')}>
            Upload another file
          </button>
        </p>
      )}
    </>
  );
}

// The dry run learns the row count only at the end, so its share done is guessed from the
// file size and the length of the preview's rows.
function estimateShare(batch: ImportBatch): number {
  const sample = batch.format?.preview ?? [];
  const bytesPerRow = sample.length ? sample.reduce((n, r) => n + r.join(',').length + 1, 0) / sample.length : 60;
  const estimatedRows = Math.max(1, batch.fileSize / bytesPerRow);
  return Math.min(0.99, batch.processedRows / estimatedRows);
}
