'use client';

import { useRouter } from 'next/navigation';
import { useEffect, useRef, useState } from 'react';
import type { CampaignProgress as Progress } from '@/lib/campaigns/get-campaign-progress';
import type { CampaignStatus } from '@/lib/generated/prisma/enums';
import { formatCount, formatPercent } from '@/lib/format/number';
import { formatDateTime } from '@/lib/format/date-time';
import { apiRequest } from '../api-request';
import { ProgressBar } from '../ui/ProgressBar';
import { StatGrid } from '../ui/StatGrid';
import { SkippedReasons } from './SkippedReasons';
import { FigureMeanings } from '../reports/FigureMeanings';
import { dollars } from './format';

const POLL_MS = 2000;
// Statuses in which the queue can still move, so the numbers are worth following.
const LIVE = new Set(['SCHEDULED', 'RUNNING', 'PAUSED']);

const COUNT_LABELS: [keyof Progress['counts'], string][] = [
  ['queued', 'Queued'],
  ['sending', 'Sending'],
  ['sent', 'Sent, awaiting report'],
  ['delivered', 'Delivered'],
  ['failed', 'Failed'],
  ['held', 'Held'],
  ['skipped', 'Skipped'],
];

interface CampaignProgressProps {
  campaignId: string;
  status: CampaignStatus;
  timeZone: string;
}

/** The campaign's queue as it drains, read every two seconds while it can still change. */
export function CampaignProgress({ campaignId, status, timeZone }: CampaignProgressProps) {
  const router = useRouter();
  const [progress, setProgress] = useState<Progress | null>(null);
  const [error, setError] = useState<string | null>(null);
  const refreshedFor = useRef<string>(status);

  useEffect(() => {
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    async function poll() {
      const result = await apiRequest<{ progress: Progress }>(`/api/campaigns/${campaignId}/progress`, {
        method: 'GET',
      });
      if (stopped) return;
      if (result.ok) {
        setProgress(result.data.progress);
        setError(null);
      } else {
        setError(result.message);
      }
      const current = result.ok ? result.data.progress.status : status;
      if (LIVE.has(current)) timer = setTimeout(() => void poll(), POLL_MS);
    }
    void poll();
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [campaignId, status]);

  // The drain can pause or finish a campaign on its own; the page (its actions and the pause
  // reason at the top) must follow, once per change.
  useEffect(() => {
    if (!progress || progress.status === refreshedFor.current) return;
    refreshedFor.current = progress.status;
    router.refresh();
  }, [progress, router]);

  if (!progress) {
    return (
      <section className="panel" aria-label="Progress">
        <h2 style={{ marginTop: 0 }}>Progress</h2>
        {error ? (
          <div className="notice bad" role="alert">
            {error}
          </div>
        ) : (
          <p className="muted">Loading…</p>
        )}
      </section>
    );
  }

  const c = progress.counts;
  const total = Object.values(c).reduce((sum, n) => sum + n, 0);
  const finished = c.delivered + c.failed + c.skipped;
  return (
    <section className="panel" aria-label="Progress">
      <h2 style={{ marginTop: 0 }}>Progress {LIVE.has(progress.status) && <span className="badge">live</span>}</h2>
      {error && (
        <div className="notice bad" role="alert">
          Could not refresh the progress: {error}
        </div>
      )}
      <StatGrid label="Message counts" stats={COUNT_LABELS.map(([key, label]) => ({ label, value: c[key] }))} />
      <ProgressBar label="Finished" value={total > 0 ? finished / total : 0} />
      <p className="muted">
        Finished means delivered, failed or skipped: {formatCount(finished)} of {formatCount(total)} messages.
      </p>
      <StatGrid
        stats={[
          { label: 'Sent', value: formatCount(progress.figures.sent) },
          { label: 'Delivery rate', value: formatPercent(progress.deliveryRate) },
          { label: 'Spent so far (AUD)', value: dollars(progress.spentMicros) },
        ]}
      />
      <FigureMeanings />
      {progress.held.length > 0 && (
        <div className="table-scroll">
          <table aria-label="Held messages by reason">
            <thead>
              <tr>
                <th>Why held</th>
                <th>Messages</th>
                <th>Next attempt</th>
              </tr>
            </thead>
            <tbody>
              {progress.held.map((h, i) => (
                <tr key={i}>
                  <td>{h.reason}</td>
                  <td>{formatCount(h.count)}</td>
                  <td>{h.until ? formatDateTime(h.until, timeZone) : '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <SkippedReasons label="Skipped messages by reason" unit="Messages" skipped={progress.skipped} />
    </section>
  );
}
