'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import type { KillSwitchView } from '@/lib/sending/get-kill-switch';
import { formatDateTime } from '@/lib/format/date-time';
import { apiRequest } from '../api-request';

interface KillSwitchPanelProps {
  state: KillSwitchView;
  canEdit: boolean;
  timeZone: string;
}

/** The workspace's emergency stop: every campaign holds while it is on. Everyone sees it; admins flip it. */
export function KillSwitchPanel({ state, canEdit, timeZone }: KillSwitchPanelProps) {
  const router = useRouter();
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  // Stopping or resuming acts on every campaign at once, so it takes a second, deliberate click.
  const [confirming, setConfirming] = useState(false);

  async function set(paused: boolean) {
    setConfirming(false);
    setBusy(true);
    setError(null);
    const body = paused && reason.trim() ? { paused, reason: reason.trim() } : { paused };
    const result = await apiRequest('/api/settings/kill-switch', { method: 'PUT', body });
    setBusy(false);
    if (!result.ok) return setError(result.message);
    setReason('');
    router.refresh();
  }

  return (
    <section className="panel" aria-labelledby="kill-switch-heading">
      <h2 id="kill-switch-heading" style={{ marginTop: 0 }}>
        Kill switch
      </h2>
      {state.paused ? (
        <div className="notice bad">
          <strong>
            All sending is stopped{state.pausedReason ? `: ${state.pausedReason.replace(/[.!]+$/, '')}.` : '.'}
          </strong>
          {state.pausedAt && <span className="muted"> Since {formatDateTime(state.pausedAt, timeZone)}.</span>} Messages
          wait in the queue and go out once sending resumes.
        </div>
      ) : (
        <p>Sending is on. Stopping it holds every message of every campaign at once, until an admin resumes sending.</p>
      )}
      {canEdit && confirming ? (
        <div className="notice" role="group" aria-label="Confirm">
          <p style={{ marginTop: 0 }}>
            {state.paused
              ? 'Resume sending? Every held message of every campaign goes out from the next batch, within the quiet hours and limits.'
              : 'Stop all sending? Every campaign holds from the next batch until an admin resumes sending.'}
          </p>
          <div className="row">
            <button
              type="button"
              className={state.paused ? undefined : 'danger-solid'}
              disabled={busy}
              onClick={() => void set(!state.paused)}
            >
              {state.paused ? 'Yes, resume sending' : 'Yes, stop all sending'}
            </button>
            <button type="button" className="secondary" onClick={() => setConfirming(false)}>
              {state.paused ? 'Keep it stopped' : 'Keep sending'}
            </button>
          </div>
        </div>
      ) : canEdit ? (
        state.paused ? (
          <button type="button" disabled={busy} onClick={() => setConfirming(true)}>
            Resume sending
          </button>
        ) : (
          <div className="row">
            <div className="field">
              <label htmlFor="kill-switch-reason">Reason (shown to everyone in the workspace)</label>
              <input
                id="kill-switch-reason"
                value={reason}
                maxLength={200}
                placeholder="e.g. wrong price in the spring sale message"
                onChange={(e) => setReason(e.target.value)}
              />
            </div>
            <div className="field" style={{ flex: 0 }}>
              <button type="button" className="danger-solid" disabled={busy} onClick={() => setConfirming(true)}>
                Stop all sending
              </button>
            </div>
          </div>
        )
      ) : (
        <p className="muted">Only admins can stop or resume sending.</p>
      )}
      {error && (
        <div className="notice bad" role="alert">
          {error}
        </div>
      )}
    </section>
  );
}
