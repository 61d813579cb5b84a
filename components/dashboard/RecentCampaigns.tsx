import Link from 'next/link';
import type { RecentCampaign } from '@/lib/reports/read-recent-campaigns';
import { formatCount, formatPercent } from '@/lib/format/number';
import { dollars } from '../campaigns/format';
import { StatusBadge } from '../campaigns/StatusBadge';
import { WorkspaceTime } from '../ui/WorkspaceTime';

interface RecentCampaignsProps {
  recent: RecentCampaign[];
  timeZone: string;
}

/** The last five launched campaigns' headline figures, each linking to its report. */
export function RecentCampaigns({ recent, timeZone }: RecentCampaignsProps) {
  return (
    <section aria-labelledby="recent-heading">
      <h2 id="recent-heading">Recent campaigns</h2>
      {recent.length === 0 ? (
        <div className="empty">
          No campaign has been launched yet. <Link href="/campaigns/new">Write one</Link>.
        </div>
      ) : (
        <>
          <div className="table-scroll">
            <table aria-label="Recent campaigns" className="stack-on-phone">
              <thead>
                <tr>
                  <th>Campaign</th>
                  <th>Sent</th>
                  <th>Delivered</th>
                  <th>Delivery rate</th>
                  <th>People who clicked</th>
                  <th>Opted out</th>
                  <th>Spent</th>
                </tr>
              </thead>
              <tbody>
                {recent.map((c) => (
                  <tr key={c.id}>
                    <td>
                      <Link href={`/campaigns/${c.id}/report`}>{c.name}</Link> <StatusBadge status={c.status} />
                      <div className="muted">
                        Launched <WorkspaceTime at={c.launchedAt} timeZone={timeZone} dateOnly />
                      </div>
                    </td>
                    <td data-label="Sent">{formatCount(c.sent)}</td>
                    <td data-label="Delivered">{formatCount(c.delivered)}</td>
                    <td data-label="Delivery rate">{formatPercent(c.deliveryRate)}</td>
                    <td data-label="People who clicked">{formatCount(c.clicked)}</td>
                    <td data-label="Opted out">{formatCount(c.optedOut)}</td>
                    <td data-label="Spent">{dollars(c.spentMicros)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <p className="muted">
            The five launched last, each linking to its report. People who clicked counts recipients who opened their
            link, not clicks; opted out counts people whose opt-out the campaign caused; spent is what the carrier was
            paid for its messages. <Link href="/reports">Reports</Link> has every campaign.
          </p>
        </>
      )}
    </section>
  );
}
