import type { Metadata } from 'next';
import Link from 'next/link';
import { FigureMeanings } from '@/components/reports/FigureMeanings';
import { formatCount, formatPercent } from '@/lib/format/number';
import { botClickReasons } from '@/lib/reports/bot-click-reasons';
import { campaignReport } from '@/lib/reports/campaign-report';
import { requireActor } from '@/app/_http/current-actor';

export const metadata: Metadata = { title: 'Reports' };

export default async function ReportsPage() {
  const actor = await requireActor();
  const [rows, bots] = await Promise.all([campaignReport({ actor }), botClickReasons({ actor })]);
  return (
    <>
      <h1>Reports</h1>
      <FigureMeanings />
      <p className="muted">
        Clicks from link scanners and previews are counted apart from people; each recipient has their own link, so
        “people who clicked” is the number of recipients who opened theirs.
      </p>
      {rows.length === 0 ? (
        <div className="empty">Reports appear once a campaign has been sent.</div>
      ) : (
        <div className="table-scroll">
          <table aria-label="Campaign results">
            <thead>
              <tr>
                <th>Campaign</th>
                <th>Messages</th>
                <th>Sent</th>
                <th>Delivered</th>
                <th>Delivery rate</th>
                <th>Failed</th>
                <th>Skipped</th>
                <th>People who clicked</th>
                <th>Click rate</th>
                <th>Human clicks</th>
                <th>Unique visitors</th>
                <th>Bot clicks</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.id}>
                  <td>
                    <Link href={`/campaigns/${r.id}/report`}>{r.name}</Link>
                  </td>
                  <td>{formatCount(r.total)}</td>
                  <td>{formatCount(r.sent)}</td>
                  <td>{formatCount(r.delivered)}</td>
                  <td>{formatPercent(r.deliveryRate)}</td>
                  <td>{formatCount(r.failed)}</td>
                  <td>{formatCount(r.skipped)}</td>
                  <td>{formatCount(r.people)}</td>
                  <td>{formatPercent(r.clickRate)}</td>
                  <td>{formatCount(r.humanClicks)}</td>
                  <td>{formatCount(r.uniqueHumans)}</td>
                  <td>{formatCount(r.botClicks)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {bots.length > 0 && (
        <>
          <h2>Clicks not counted as people</h2>
          <div className="table-scroll">
            <table aria-label="Bot and preview clicks by reason">
              <thead>
                <tr>
                  <th>Why</th>
                  <th>Clicks</th>
                </tr>
              </thead>
              <tbody>
                {bots.map((b) => (
                  <tr key={b.reason}>
                    <td>{b.reason}</td>
                    <td>{formatCount(b.count)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </>
  );
}
