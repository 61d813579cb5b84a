import type { Metadata } from 'next';
import Link from 'next/link';
import { StatusBadge } from '@/components/campaigns/StatusBadge';
import { listCampaigns } from '@/lib/campaigns/list-campaigns';
import { roleAtLeast } from '@/lib/auth/roles';
import { requireActor } from '@/app/_http/current-actor';

export const metadata: Metadata = { title: 'Campaigns' };

export default async function CampaignsPage() {
  const actor = await requireActor();
  const campaigns = await listCampaigns({ actor });
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
                  <td>{(c.jobs.QUEUED ?? 0) + (c.jobs.SENDING ?? 0)}</td>
                  <td>{c.jobs.SENT ?? 0}</td>
                  <td>{c.jobs.DELIVERED ?? 0}</td>
                  <td>{(c.jobs.FAILED ?? 0) + (c.jobs.UNDELIVERED ?? 0)}</td>
                  <td>{c.jobs.SKIPPED ?? 0}</td>
                  <td>{c.createdAt.toLocaleDateString('en-AU')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
