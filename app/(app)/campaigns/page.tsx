import type { Metadata } from 'next';
import Link from 'next/link';
import { StatusBadge } from '@/components/campaigns/StatusBadge';
import { WorkspaceTime } from '@/components/ui/WorkspaceTime';
import { listCampaigns } from '@/lib/campaigns/list-campaigns';
import { roleAtLeast } from '@/lib/auth/roles';
import { formatCount } from '@/lib/format/number';
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
                  <td>{formatCount((c.jobs.QUEUED ?? 0) + (c.jobs.SENDING ?? 0))}</td>
                  <td>{formatCount(c.jobs.SENT ?? 0)}</td>
                  <td>{formatCount(c.jobs.DELIVERED ?? 0)}</td>
                  <td>{formatCount((c.jobs.FAILED ?? 0) + (c.jobs.UNDELIVERED ?? 0))}</td>
                  <td>{formatCount(c.jobs.SKIPPED ?? 0)}</td>
                  <td>
                    <WorkspaceTime at={c.createdAt} timeZone={timeZone} dateOnly />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
