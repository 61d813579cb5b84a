'use client';

import { useEffect, useState } from 'react';
import { formatCount } from '@/lib/format/number';
import { apiRequest } from '../api-request';
import type { ImportBatchView } from '@/lib/imports/get-import-batch';
import type { RejectCode } from '@/lib/imports/reject-reasons';

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

interface RowDecisionsProps {
  batchId: string;
  rejectCount: number;
  /** The rejects file holds the rows as written, so only those who may see people's details get it. */
  canDownload: boolean;
  /** The rejects counted by why, most common first. */
  rejectReasons: ImportBatchView['rejectReasons'];
}

/** Every row's decision, a page at a time, filtered by decision, opening on the rejected rows when there are any. */
export function RowDecisions({ batchId, rejectCount, canDownload, rejectReasons }: RowDecisionsProps) {
  const [decision, setDecision] = useState<Decision | null>(rejectCount > 0 ? 'REJECT' : null);
  const [reason, setReason] = useState<RejectCode | null>(null);
  const [page, setPage] = useState(1);
  const [data, setData] = useState<RowsPage | null>(null);

  useEffect(() => {
    const query = new URLSearchParams({
      page: String(page),
      ...(decision ? { decision } : {}),
      ...(reason ? { reason } : {}),
    });
    void apiRequest<RowsPage>(`/api/imports/${batchId}/rows?${query}`, { method: 'GET' }).then(
      (r) => r.ok && setData(r.data),
    );
  }, [batchId, decision, reason, page]);

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
              setReason(null);
              setPage(1);
            }}
          >
            {d ? DECISION_LABELS[d as Decision] : 'All rows'}
          </button>
        ))}
        {rejectCount > 0 && canDownload && (
          <a className="button" href={`/api/imports/${batchId}/rejects`} download>
            Download rejected rows (CSV)
          </a>
        )}
      </div>
      {rejectReasons.length > 0 && (
        <div>
          <h3>Rejected rows by reason</h3>
          <ul aria-label="Rejected rows by reason" className="reason-list">
            {rejectReasons.map((r) => (
              <li key={r.code}>
                <button
                  type="button"
                  className="link"
                  aria-pressed={reason === r.code}
                  onClick={() => {
                    setDecision('REJECT');
                    setReason(r.code);
                    setPage(1);
                  }}
                >
                  {r.label}
                </button>{' '}
                <span className="muted">{formatCount(r.count)}</span>
              </li>
            ))}
          </ul>
        </div>
      )}
      {data && (
        <>
          <div className="table-scroll">
            <table className="stack-on-phone" aria-label="Row decisions">
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
                    <td data-label="Row">{r.rowNumber}</td>
                    <td>{r.phoneE164 ?? '—'}</td>
                    <td className={`decision-${r.decision}`}>{DECISION_LABELS[r.decision]}</td>
                    <td>{r.reason ?? ''}</td>
                    <td className="muted" data-label="Original">
                      {r.cells.join(' | ').slice(0, 120)}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <p className="muted">
            {formatCount(data.total)} rows · page {data.page} of {pages}{' '}
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
