import { campaignReport } from '@/lib/reports/campaign-report';
import { requireActor } from '@/app/_http/current-actor';

function percent(rate: number | null): string {
  return rate === null ? '—' : `${(rate * 100).toFixed(1)}%`;
}

export default async function ReportsPage() {
  const actor = await requireActor();
  const rows = await campaignReport({ actor });
  return (
    <>
      <h1>Reports</h1>
      <p className="muted">Delivered is counted only when the carrier confirms delivery. Clicks from link scanners and previews are counted apart from people.</p>
      {rows.length === 0 ? (
        <div className="empty">Reports appear once a campaign has been sent.</div>
      ) : (
        <table>
          <thead>
            <tr><th>Campaign</th><th>Messages</th><th>Sent</th><th>Delivered</th><th>Delivery rate</th><th>Failed</th><th>Skipped</th><th>Human clicks</th><th>Unique people</th><th>Bot clicks</th></tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.id}>
                <td>{r.name}</td><td>{r.total}</td><td>{r.sent}</td><td>{r.delivered}</td><td>{percent(r.deliveryRate)}</td>
                <td>{r.failed}</td><td>{r.skipped}</td><td>{r.humanClicks}</td><td>{r.uniqueHumans}</td><td>{r.botClicks}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
