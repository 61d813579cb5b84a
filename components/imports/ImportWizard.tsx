'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useCallback, useEffect, useState } from 'react';
import { useForm } from 'react-hook-form';
import type { ColumnMapping, ImportField } from '@/lib/imports/column-mapping';
import { FIELD_LABELS, IMPORT_FIELDS } from '@/lib/imports/column-mapping';
import type { ImportBatchView } from '@/lib/imports/get-import-batch';
import { apiRequest } from '../api-request';
import { ProgressBar } from '../ui/ProgressBar';

type Batch = Omit<ImportBatchView, 'createdAt' | 'analysedAt' | 'committedAt'> & {
  createdAt: string;
  analysedAt: string | null;
  committedAt: string | null;
};
type Decision = 'CREATE' | 'UPDATE' | 'UNCHANGED' | 'REJECT';
type RowsPage = {
  total: number;
  page: number;
  pageSize: number;
  rows: { rowNumber: number; phoneE164: string | null; decision: Decision; reason: string | null; cells: string[] }[];
};

const DECISION_LABELS: Record<Decision, string> = {
  CREATE: 'New',
  UPDATE: 'Updated',
  UNCHANGED: 'Unchanged',
  REJECT: 'Rejected',
};
const number = (n: number) => n.toLocaleString('en-AU');

/** The import of one file from mapping to commit, following the batch's state in the database. */
export function ImportWizard({ initial, canEdit }: { initial: Batch; canEdit: boolean }) {
  const router = useRouter();
  const [batch, setBatch] = useState(initial);
  const [editingMapping, setEditingMapping] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const refresh = useCallback(async () => {
    const result = await apiRequest<{ batch: Batch }>(`/api/imports/${initial.id}`, { method: 'GET' });
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
  const showMapping =
    canEdit &&
    batch.format &&
    (batch.status === 'UPLOADED' || editingMapping || (batch.status === 'FAILED' && batch.encoding !== null));

  return (
    <>
      <p className="muted">
        {batch.fileName} · {(batch.fileSize / 1024 / 1024).toFixed(1)} MB · uploaded by {batch.createdBy} on{' '}
        {new Date(batch.createdAt).toLocaleString('en-AU')}
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
        <MappingForm
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
            {number(batch.processedRows)} rows checked. Nothing is written to your contacts during the dry run.
          </p>
        </div>
      )}

      {(batch.status === 'ANALYSED' || batch.status === 'COMMITTING' || batch.status === 'COMMITTED') &&
        !editingMapping && (
          <>
            <Summary batch={batch} />
            {batch.status === 'ANALYSED' && canEdit && (
              <div className="panel row">
                <button type="button" onClick={() => void commit()} disabled={accepted === 0}>
                  Commit: create {number(batch.createCount)} and update {number(batch.updateCount)} contacts
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
                  {number(batch.committedRows)} of {number(accepted)} contacts written. You can leave this page; if the
                  commit stops, resume it and it carries on where it stopped.
                </p>
                {canEdit && (
                  <button type="button" className="secondary" onClick={() => void commit()}>
                    Resume the commit
                  </button>
                )}
              </div>
            )}
            {batch.status === 'COMMITTED' && (
              <div className="notice" role="status">
                Import committed: {number(batch.createCount)} contacts created and {number(batch.updateCount)} updated.{' '}
                <Link href={`/contacts?batch=${batch.id}`}>See them in Contacts</Link>.
              </div>
            )}
            <DecisionTable
              batchId={batch.id}
              rejectCount={batch.rejectCount}
              key={`${batch.status}-${batch.analysedAt}`}
            />
            {batch.touchedContacts.length > 0 && <Lineage batch={batch} />}
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

function estimateShare(batch: Batch): number {
  const sample = batch.format?.preview ?? [];
  const bytesPerRow = sample.length ? sample.reduce((n, r) => n + r.join(',').length + 1, 0) / sample.length : 60;
  const estimatedRows = Math.max(1, batch.fileSize / bytesPerRow);
  return Math.min(0.99, batch.processedRows / estimatedRows);
}

function Summary({ batch }: { batch: Batch }) {
  const items: [string, number][] = [
    ['Would be created', batch.createCount],
    ['Would be updated', batch.updateCount],
    ['Unchanged', batch.unchangedCount],
    ['Rejected', batch.rejectCount],
  ];
  return (
    <div className="stats" aria-label="Dry run summary">
      {items.map(([label, value]) => (
        <div className="stat" key={label}>
          <div className="value">{number(value)}</div>
          <div className="label">{label}</div>
        </div>
      ))}
    </div>
  );
}

function DecisionTable({ batchId, rejectCount }: { batchId: string; rejectCount: number }) {
  const [decision, setDecision] = useState<Decision | null>(rejectCount > 0 ? 'REJECT' : null);
  const [page, setPage] = useState(1);
  const [data, setData] = useState<RowsPage | null>(null);

  useEffect(() => {
    const query = new URLSearchParams({ page: String(page), ...(decision ? { decision } : {}) });
    void apiRequest<RowsPage>(`/api/imports/${batchId}/rows?${query}`, { method: 'GET' }).then(
      (r) => r.ok && setData(r.data),
    );
  }, [batchId, decision, page]);

  const pages = data ? Math.max(1, Math.ceil(data.total / data.pageSize)) : 1;
  return (
    <div className="panel">
      <h2>Row by row</h2>
      <div className="tabs">
        {[null, 'CREATE', 'UPDATE', 'UNCHANGED', 'REJECT'].map((d) => (
          <button
            key={d ?? 'all'}
            type="button"
            className="secondary"
            aria-pressed={decision === d}
            onClick={() => {
              setDecision(d as Decision | null);
              setPage(1);
            }}
          >
            {d ? DECISION_LABELS[d as Decision] : 'All rows'}
          </button>
        ))}
        {rejectCount > 0 && (
          <a className="button" href={`/api/imports/${batchId}/rejects`} download>
            Download rejected rows (CSV)
          </a>
        )}
      </div>
      {data && (
        <>
          <table aria-label="Row decisions">
            <thead>
              <tr>
                <th>Row</th>
                <th>Phone</th>
                <th>Decision</th>
                <th>Reason</th>
                <th>Original</th>
              </tr>
            </thead>
            <tbody>
              {data.rows.map((r) => (
                <tr key={r.rowNumber}>
                  <td>{r.rowNumber}</td>
                  <td>{r.phoneE164 ?? '—'}</td>
                  <td className={`decision-${r.decision}`}>{DECISION_LABELS[r.decision]}</td>
                  <td>{r.reason ?? ''}</td>
                  <td className="muted">{r.cells.join(' | ').slice(0, 120)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <p className="muted">
            {number(data.total)} rows · page {data.page} of {pages}{' '}
            {page > 1 && (
              <button type="button" className="secondary" onClick={() => setPage(page - 1)}>
                Previous
              </button>
            )}{' '}
            {page < pages && (
              <button type="button" className="secondary" onClick={() => setPage(page + 1)}>
                Next
              </button>
            )}
          </p>
        </>
      )}
    </div>
  );
}

function Lineage({ batch }: { batch: Batch }) {
  return (
    <div className="panel">
      <h2>Contacts this import created or changed</h2>
      <ul>
        {batch.touchedContacts.map((c) => (
          <li key={c.id}>
            <Link href={`/contacts/${c.id}`}>{c.phoneE164}</Link> {[c.firstName, c.lastName].filter(Boolean).join(' ')}{' '}
            <span className="badge">{c.action.toLowerCase()}</span>
          </li>
        ))}
      </ul>
      {batch.createCount + batch.updateCount > batch.touchedContacts.length && (
        <p>
          <Link href={`/contacts?batch=${batch.id}`}>
            All {number(batch.createCount + batch.updateCount)} contacts of this import
          </Link>
        </p>
      )}
    </div>
  );
}

type MappingFields = {
  columns: Record<ImportField, string>;
  customColumns: string[];
  defaultConsent: '' | 'EXPLICIT' | 'IMPLIED';
  consentSource: string;
  overwriteConsent: boolean;
  hasHeader: boolean;
};

function MappingForm({ batch, onStarted }: { batch: Batch; onStarted: () => void }) {
  const format = batch.format!;
  const saved = (batch.mapping ?? {}) as Partial<ColumnMapping>;
  const [error, setError] = useState<string | null>(null);
  const { register, handleSubmit, formState } = useForm<MappingFields>({
    defaultValues: {
      columns: Object.fromEntries(
        IMPORT_FIELDS.map((f) => [f, saved.fields?.[f] === undefined ? '' : String(saved.fields[f])]),
      ) as Record<ImportField, string>,
      customColumns: (saved.custom ?? []).map((c) => String(c.column)),
      defaultConsent: saved.defaultConsent ?? '',
      consentSource: saved.consentSource ?? '',
      overwriteConsent: saved.overwriteConsent ?? false,
      hasHeader: saved.hasHeader ?? format.hasHeader,
    },
  });

  async function onSubmit(values: MappingFields) {
    setError(null);
    const fields = Object.fromEntries(
      Object.entries(values.columns)
        .filter(([, v]) => v !== '')
        .map(([k, v]) => [k, Number(v)]),
    );
    const mapped = new Set(Object.values(fields));
    // A single checkbox reports a boolean rather than a list of values.
    const chosen = [values.customColumns].flat().filter((v): v is string => typeof v === 'string');
    const custom = chosen
      .map(Number)
      .filter((column) => !mapped.has(column))
      .map((column) => ({ column, name: format.headers[column] }));
    const mapping = {
      fields,
      custom,
      defaultConsent: values.defaultConsent || null,
      consentSource: values.consentSource,
      overwriteConsent: values.overwriteConsent,
      hasHeader: values.hasHeader,
    };
    const result = await apiRequest(`/api/imports/${batch.id}/dry-run`, { method: 'POST', body: { mapping } });
    if (!result.ok) return setError(result.message);
    onStarted();
  }

  return (
    <form className="panel" onSubmit={handleSubmit(onSubmit)} aria-label="Column mapping">
      <h2>Match the columns</h2>
      <p className="muted">
        Read as {format.encoding.toUpperCase()}, separated by{' '}
        {format.delimiter === '\t' ? 'tabs' : `“${format.delimiter}”`}. Check which column holds what.
      </p>
      <table>
        <thead>
          <tr>
            {format.headers.map((h, i) => (
              <th key={i}>{h}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {format.preview.slice(0, 3).map((row, r) => (
            <tr key={r}>
              {format.headers.map((_, i) => (
                <td key={i}>{row[i] ?? ''}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      <div className="row">
        {IMPORT_FIELDS.map((field) => (
          <div className="field" key={field}>
            <label htmlFor={`map-${field}`}>{FIELD_LABELS[field]}</label>
            <select id={`map-${field}`} {...register(`columns.${field}`)}>
              <option value="">— not in this file —</option>
              {format.headers.map((h, i) => (
                <option key={i} value={String(i)}>
                  {h}
                </option>
              ))}
            </select>
          </div>
        ))}
      </div>
      <fieldset className="field">
        <legend>Keep other columns as custom fields</legend>
        {format.headers.map((h, i) => (
          <label key={i} style={{ marginRight: '1rem' }}>
            <input type="checkbox" value={String(i)} {...register('customColumns')} /> {h}
          </label>
        ))}
      </fieldset>
      <div className="row">
        <div className="field">
          <label htmlFor="default-consent">Rows with no consent value</label>
          <select id="default-consent" {...register('defaultConsent')}>
            <option value="">Reject them (missing consent)</option>
            <option value="EXPLICIT">They gave explicit consent</option>
            <option value="IMPLIED">Consent is implied (existing customers)</option>
          </select>
        </div>
        <div className="field">
          <label htmlFor="consent-source">How consent was collected</label>
          <input id="consent-source" placeholder="e.g. website sign-up form" {...register('consentSource')} />
        </div>
      </div>
      <div className="field">
        <label>
          <input type="checkbox" {...register('hasHeader')} /> The first row holds column names
        </label>
      </div>
      <div className="field">
        <label>
          <input type="checkbox" {...register('overwriteConsent')} /> Let this file&apos;s consent replace consent we
          already hold (opt-outs are never undone)
        </label>
      </div>
      {error && (
        <div className="notice bad" role="alert">
          {error}
        </div>
      )}
      <button type="submit" disabled={formState.isSubmitting}>
        Run the dry run
      </button>
    </form>
  );
}
