import Link from 'next/link';
import type { RunningCampaign } from '@/lib/reports/read-running-campaigns';
import { formatCount } from '@/lib/format/number';
import { StatusBadge } from '../campaigns/StatusBadge';
import { WorkspaceTime } from '../ui/WorkspaceTime';

interface RunningCampaignsProps {
  running: RunningCampaign[];
  timeZone: string;
}

/** The campaigns sending or paused mid-way, how far each has got and when it should finish. */
export function RunningCampaigns({ running, timeZone }: RunningCampaignsProps) {
  return (
    <section aria-labelledby="running-heading">
      <h2 id="running-heading">Running now</h2>
      {running.length === 0 ? (
        <div className="empty">No campaign is sending.</div>
      ) : (
        <>
          <div className="table-scroll">
            <table aria-label="Running now" className="stack-on-phone">
              <thead>
                <tr>
                  <th>Campaign</th>
                  <th>Sent</th>
                  <th>Delivered</th>
                  <th>To go</th>
                  <th>Expected to finish</th>
                </tr>
              </thead>
              <tbody>
                {running.map((c) => (
                  <tr key={c.id}>
                    <td>
                      <Link href={`/campaigns/${c.id}`}>{c.name}</Link> <StatusBadge status={c.status} />
                    </td>
                    <td data-label="Sent">
                      {formatCount(c.sent)} of {formatCount(c.total)}
                    </td>
                    <td data-label="Delivered">{formatCount(c.delivered)}</td>
                    <td data-label="To go">
                      {formatCount(c.toGo)}
                      {c.held > 0 && ` (${formatCount(c.held)} held)`}
                    </td>
                    <td data-label="Expected to finish">
                      {c.finishAt ? <WorkspaceTime at={c.finishAt} timeZone={timeZone} /> : 'not known'}
                      <div className="muted">{c.finishNote}</div>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <p className="muted">
            Each estimate assumes the campaign has its sending numbers to itself; campaigns that share numbers or the
            workspace’s pace finish later.
          </p>
        </>
      )}
    </section>
  );
}
