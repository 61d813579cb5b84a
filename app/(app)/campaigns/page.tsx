import type { Metadata } from 'next';
import Link from 'next/link';
import { StatusBadge } from '@/components/campaigns/StatusBadge';
import { FigureMeanings } from '@/components/reports/FigureMeanings';
import { WorkspaceTime } from '@/components/ui/WorkspaceTime';
import { listCampaigns } from '@/lib/campaigns/list-campaigns';
import { roleAtLeast } from '@/lib/auth/roles';
import { formatCount, formatPercent } from '@/lib/format/number';
import { getWorkspaceTimeZone } from '@/lib/tenants/get-workspace-time-zone';
import { requireActor } from '@/app/_http/current-actor';

export const metadata: Metadata = { title: 'Campaigns' };

export default async function CampaignsPage() {
  const actor = await requireActor();
  const [campaigns, timeZone] = await Promise.all([listCampaigns({ actor }), getWorkspaceTimeZone({ actor })]);
  const canWrite = roleAtLeast(actor.role, 'STAFF');
  return (
    <>
      <div className="page-head">
        <h1>Campaigns</h1>
        {canWrite && (
          <Link className="button" href="/campaigns/new">
            New campaign
          </Link>
        )}
      </div>
      {campaigns.length === 0 ? (
        <div className="empty">
          No campaigns in {actor.tenantName} yet.{canWrite ? ' Start with “New campaign”.' : ''}
        </div>
      ) : (
        <div className="table-scroll">
          <table aria-label="Campaigns">
            <thead>
              <tr>
                <th>Name</th>
                <th>Status</th>
                <th>Queued</th>
                <th>Sent</th>
                <th>Delivered</th>
                <th>Delivery rate</th>
                <th>Failed</th>
                <th>Skipped</th>
                <th>Created</th>
              </tr>
            </thead>
            <tbody>
              {campaigns.map((c) => (
                <tr key={c.id}>
                  <td>
                    <Link href={`/campaigns/${c.id}`}>{c.name}</Link>
                  </td>
                  <td>
                    <StatusBadge status={c.status} />
                    {c.pausedReason ? <div className="muted">{c.pausedReason}</div> : null}
                  </td>
                  <td>{formatCount(c.figures.waiting)}</td>
                  <td>{formatCount(c.figures.sent)}</td>
                  <td>{formatCount(c.figures.delivered)}</td>
                  <td>{formatPercent(c.deliveryRate)}</td>
                  <td>{formatCount(c.figures.failed)}</td>
                  <td>{formatCount(c.figures.skipped)}</td>
                  <td>
                    <WorkspaceTime at={c.createdAt} timeZone={timeZone} dateOnly />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {campaigns.length > 0 && <FigureMeanings />}
    </>
  );
}
