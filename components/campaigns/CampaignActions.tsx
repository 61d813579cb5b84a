'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import type { DryRunResult as DryRun } from '@/lib/sending/simulate-campaign-sends';
import type { CampaignStatus } from '@/lib/generated/prisma/enums';
import { formatCount, formatQuantity } from '@/lib/format/number';
import { formatDateTime } from '@/lib/format/date-time';
import { apiRequest } from '../api-request';
import { ConfirmDialog } from './ConfirmDialog';
import { dryRunTotals } from './dry-run-totals';
import { DryRunResult } from './DryRunResult';
import { dollars, exclusionLabel } from './format';

interface LaunchSummary {
  queued: number;
  excluded: Record<string, number>;
}

type Confirming = 'launch' | 'cancel' | 'delete' | null;

interface CampaignActionsProps {
  campaignId: string;
  name: string;
  status: CampaignStatus;
  scheduledAt: string | null;
  timeZone: string;
}

/** What staff can do to a campaign in its current state, and what the dry run and launch said. */
export function CampaignActions({ campaignId, name, status, scheduledAt, timeZone }: CampaignActionsProps) {
  const router = useRouter();
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [dryRun, setDryRun] = useState<DryRun | null>(null);
  const [launched, setLaunched] = useState<LaunchSummary | null>(null);
  const [confirming, setConfirming] = useState<Confirming>(null);
  const [pauseReason, setPauseReason] = useState('');

  async function act<T>(action: string, method: 'POST' | 'DELETE', body?: unknown): Promise<T | null> {
    setBusy(action);
    setError(null);
    const url = action === 'delete' ? `/api/campaigns/${campaignId}` : `/api/campaigns/${campaignId}/${action}`;
    const result = await apiRequest<T>(url, { method, body: method === 'POST' ? (body ?? {}) : undefined });
    setBusy(null);
    if (!result.ok) {
      setError(result.message);
      return null;
    }
    return result.data;
  }

  async function runDryRun() {
    const data = await act<{ dryRun: DryRun }>('dry-run', 'POST');
    if (data) setDryRun(data.dryRun);
  }

  async function launch() {
    const data = await act<{ summary: LaunchSummary }>('launch', 'POST');
    setConfirming(null);
    if (!data) return;
    setLaunched(data.summary);
    setDryRun(null);
    router.refresh();
  }

  async function change(action: 'pause' | 'resume' | 'cancel', body?: unknown) {
    const data = await act(action, 'POST', body);
    setConfirming(null);
    if (data) router.refresh();
  }

  async function remove() {
    const data = await act('delete', 'DELETE');
    setConfirming(null);
    if (data === null) return;
    router.push('/campaigns');
    router.refresh();
  }

  const totals = dryRun ? dryRunTotals(dryRun) : null;

  return (
    <section className="panel" aria-label="Campaign actions">
      <div className="row">
        {status === 'DRAFT' && (
          <>
            <Link className="button secondary" href={`/campaigns/${campaignId}/edit`}>
              Edit
            </Link>
            <button type="button" className="secondary" disabled={busy !== null} onClick={() => void runDryRun()}>
              {busy === 'dry-run' ? 'Running the dry run…' : 'Dry run'}
            </button>
            <button type="button" disabled={busy !== null} onClick={() => setConfirming('launch')}>
              Launch
            </button>
            <button type="button" className="danger" disabled={busy !== null} onClick={() => setConfirming('delete')}>
              Delete draft
            </button>
          </>
        )}
        {(status === 'SCHEDULED' || status === 'RUNNING') && (
          <>
            <div className="field">
              <label htmlFor="pause-reason">Reason for pausing (optional)</label>
              <input
                id="pause-reason"
                value={pauseReason}
                maxLength={200}
                onChange={(e) => setPauseReason(e.target.value)}
              />
            </div>
            <div className="field" style={{ flex: 0 }}>
              <button
                type="button"
                className="secondary"
                disabled={busy !== null}
                onClick={() => void change('pause', pauseReason.trim() ? { reason: pauseReason.trim() } : {})}
              >
                Pause
              </button>
            </div>
          </>
        )}
        {status === 'PAUSED' && (
          <div className="field" style={{ flex: 0 }}>
            <button type="button" disabled={busy !== null} onClick={() => void change('resume')}>
              Resume
            </button>
          </div>
        )}
        {(status === 'SCHEDULED' || status === 'RUNNING' || status === 'PAUSED') && (
          <div className="field" style={{ flex: 0 }}>
            <button type="button" className="danger" disabled={busy !== null} onClick={() => setConfirming('cancel')}>
              Cancel campaign
            </button>
          </div>
        )}
        {(status === 'COMPLETED' || status === 'CANCELLED') && (
          <span className="muted">This campaign is finished; nothing more can be done to it.</span>
        )}
      </div>

      {error && (
        <div className="notice bad" role="alert">
          {error}
        </div>
      )}
      {launched && (
        <div className="notice" role="status">
          Launched: {formatQuantity(launched.queued, 'message')} queued.
          {Object.entries(launched.excluded).some(([, n]) => n > 0) && (
            <>
              {' '}
              Left out:{' '}
              {Object.entries(launched.excluded)
                .filter(([, n]) => n > 0)
                .map(([reason, n]) => `${formatCount(n)} ${exclusionLabel(reason)}`)
                .join('; ')}
              .
            </>
          )}
        </div>
      )}
      {dryRun && <DryRunResult dryRun={dryRun} timeZone={timeZone} />}

      <ConfirmDialog
        open={confirming === 'launch'}
        title={`Launch “${name}”?`}
        confirmLabel={
          busy === 'launch'
            ? 'Launching…'
            : scheduledAt
              ? `Schedule for ${formatDateTime(scheduledAt, timeZone)}`
              : 'Launch now'
        }
        cancelLabel="Not yet"
        busy={busy !== null}
        onConfirm={() => void launch()}
        onCancel={() => setConfirming(null)}
      >
        {dryRun && totals ? (
          <p>
            The dry run found {formatQuantity(totals.queued, 'message')} to queue: {formatCount(dryRun.sendNow)} can go
            out now and {formatCount(totals.held)} will wait for their gate; {formatQuantity(totals.skipped, 'contact')}{' '}
            {totals.skipped === 1 ? 'is' : 'are'} skipped. Expected cost {dollars(dryRun.costMicros)}.
          </p>
        ) : (
          <p>
            No dry run yet, so the number of messages is not known. Messages go to every contact of the audience who can
            be messaged.
          </p>
        )}
        <p>
          Sending starts {scheduledAt ? `at ${formatDateTime(scheduledAt, timeZone)}` : 'at once'} and keeps to quiet
          hours, budgets and rate limits.
        </p>
      </ConfirmDialog>
      <ConfirmDialog
        open={confirming === 'cancel'}
        title={`Cancel “${name}”?`}
        confirmLabel="Yes, cancel it"
        cancelLabel="Keep it"
        danger
        busy={busy !== null}
        onConfirm={() => void change('cancel')}
        onCancel={() => setConfirming(null)}
      >
        <p>
          Messages not yet sent will never be sent. Messages already sent stay in the reports. This cannot be undone.
        </p>
      </ConfirmDialog>
      <ConfirmDialog
        open={confirming === 'delete'}
        title={`Delete the draft “${name}”?`}
        confirmLabel="Yes, delete it"
        cancelLabel="Keep it"
        danger
        busy={busy !== null}
        onConfirm={() => void remove()}
        onCancel={() => setConfirming(null)}
      >
        <p>The draft and its messages are deleted. This cannot be undone.</p>
      </ConfirmDialog>
    </section>
  );
}
