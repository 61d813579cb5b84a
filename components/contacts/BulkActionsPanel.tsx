'use client';

import { useRouter } from 'next/navigation';
import { useEffect, useState } from 'react';
import type { BulkActionFilter } from '@/lib/contacts/bulk-action-schemas';
import { formatCount, formatQuantity } from '@/lib/format/number';
import { apiRequest } from '../api-request';
import { ConfirmDialog } from '../campaigns/ConfirmDialog';
import { ProgressBar } from '../ui/ProgressBar';

type Kind = 'ADD_TAGS' | 'REMOVE_TAGS' | 'OPT_OUT' | 'DELETE';

interface BulkActionsPanelProps {
  filter: BulkActionFilter;
  total: number;
  filtered: boolean;
  canDelete: boolean;
}

interface Progress {
  id: string;
  total: number;
  done: number;
  state: 'RUNNING' | 'DONE';
}

const POLL_MS = 1_000;

function splitTags(text: string): string[] {
  return [
    ...new Set(
      text
        .split(',')
        .map((t) => t.trim())
        .filter(Boolean),
    ),
  ];
}

function question(kind: Kind, tags: string[], who: string): string {
  const named = tags.map((t) => `“${t}”`).join(', ');
  switch (kind) {
    case 'ADD_TAGS':
      return `Add ${tags.length === 1 ? 'the tag' : 'the tags'} ${named} to ${who}?`;
    case 'REMOVE_TAGS':
      return `Remove ${tags.length === 1 ? 'the tag' : 'the tags'} ${named} from ${who}?`;
    case 'OPT_OUT':
      return `Opt out ${who}?`;
    case 'DELETE':
      return `Delete ${who}?`;
  }
}

/**
 * One action on every contact the filter matches, not only the page shown: a
 * confirmation that names the count, then progress until it is done. The action
 * starts only if the filter still matches that count.
 */
export function BulkActionsPanel({ filter, total, filtered, canDelete }: BulkActionsPanelProps) {
  const router = useRouter();
  const [kind, setKind] = useState<Kind>('ADD_TAGS');
  const [tagText, setTagText] = useState('');
  const [reason, setReason] = useState('');
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [progress, setProgress] = useState<Progress | null>(null);
  const tags = splitTags(tagText);
  const who = `${filtered ? 'the ' : 'all '}${formatQuantity(total, 'contact')}${filtered ? ' matching this filter' : ''}`;

  useEffect(() => {
    if (!progress || progress.state === 'DONE') return;
    const timer = setTimeout(async () => {
      const result = await apiRequest<{ bulkAction: Progress }>(`/api/contacts/bulk-actions/${progress.id}`, {
        method: 'GET',
      });
      if (!result.ok) return setError(result.message);
      setProgress(result.data.bulkAction);
      if (result.data.bulkAction.state === 'DONE') router.refresh();
    }, POLL_MS);
    return () => clearTimeout(timer);
  }, [progress, router]);

  async function start() {
    setBusy(true);
    setError(null);
    const action = kind === 'OPT_OUT' ? { kind, reason } : kind === 'DELETE' ? { kind } : { kind, tags };
    const result = await apiRequest<{ bulkAction: { id: string; total: number } }>('/api/contacts/bulk-actions', {
      method: 'POST',
      body: { filter, action, expectedCount: total },
    });
    setBusy(false);
    setConfirming(false);
    if (!result.ok) return setError(result.message);
    setProgress({ ...result.data.bulkAction, done: 0, state: 'RUNNING' });
  }

  const ready = kind === 'OPT_OUT' ? reason.trim().length >= 3 : kind === 'DELETE' ? true : tags.length > 0;
  return (
    <details className="panel" aria-label="Act on every contact shown">
      <summary>Act on {who}</summary>
      <form
        className="row"
        style={{ marginTop: '.75rem' }}
        onSubmit={(e) => {
          e.preventDefault();
          setConfirming(true);
        }}
      >
        <div className="field">
          <label htmlFor="bulk-kind">Action</label>
          <select id="bulk-kind" value={kind} onChange={(e) => setKind(e.target.value as Kind)}>
            <option value="ADD_TAGS">Add tags</option>
            <option value="REMOVE_TAGS">Remove tags</option>
            <option value="OPT_OUT">Opt out (do-not-contact list)</option>
            {canDelete && <option value="DELETE">Delete</option>}
          </select>
        </div>
        {(kind === 'ADD_TAGS' || kind === 'REMOVE_TAGS') && (
          <div className="field">
            <label htmlFor="bulk-tags">Tags, separated by commas</label>
            <input id="bulk-tags" value={tagText} onChange={(e) => setTagText(e.target.value)} placeholder="e.g. vip" />
          </div>
        )}
        {kind === 'OPT_OUT' && (
          <div className="field">
            <label htmlFor="bulk-reason">Why (kept with each number)</label>
            <input
              id="bulk-reason"
              value={reason}
              onChange={(e) => setReason(e.target.value)}
              placeholder="e.g. asked in person at the March event"
            />
          </div>
        )}
        <div className="field" style={{ flex: 0 }}>
          <button type="submit" disabled={!ready || total === 0 || progress?.state === 'RUNNING'}>
            Continue…
          </button>
        </div>
      </form>
      {progress && (
        <div role="status" aria-label="Bulk action progress">
          {progress.state === 'DONE' ? (
            <p>Done: {formatQuantity(progress.total, 'contact')} changed.</p>
          ) : (
            <ProgressBar
              label={`${formatCount(progress.done)} of ${formatCount(progress.total)} done`}
              value={progress.done / Math.max(1, progress.total)}
            />
          )}
        </div>
      )}
      {error && (
        <div className="notice bad" role="alert">
          {error}
        </div>
      )}
      <ConfirmDialog
        open={confirming}
        title={question(kind, tags, who)}
        confirmLabel={busy ? 'Starting…' : `Yes, ${formatQuantity(total, 'contact')}`}
        cancelLabel="No"
        danger={kind === 'DELETE' || kind === 'OPT_OUT'}
        busy={busy}
        onConfirm={() => void start()}
        onCancel={() => setConfirming(false)}
      >
        <p>This changes every one of them, not only the page you see.</p>
        {kind === 'OPT_OUT' && (
          <p>Their numbers go on the do-not-contact list at once and their queued messages are skipped.</p>
        )}
        {kind === 'DELETE' && (
          <p>
            This cannot be undone. A number that opted out stays on the do-not-contact list, so no import brings it
            back; campaign figures keep the messages already sent.
          </p>
        )}
      </ConfirmDialog>
    </details>
  );
}
