import 'server-only';
import type { Actor } from '../auth/actor';
import { db } from '../db/client';
import { getWorkspaceTimeZone } from '../tenants/get-workspace-time-zone';
import { instantAt, localTime } from '../time/zoned-time';

export interface WorkspaceSummaryOptions {
  actor: Actor;
}

/** The dashboard's headline figures. Delivered, not sent, is the success figure. */
export async function workspaceSummary({ actor }: WorkspaceSummaryOptions) {
  const tenantId = actor.tenantId;
  // "This month" is the workspace's month: in Sydney it starts 10 or 11 hours before UTC's.
  const timeZone = await getWorkspaceTimeZone({ actor });
  const today = localTime(new Date(), timeZone);
  const monthStart = instantAt({ year: today.year, month: today.month, day: 1 }, timeZone);
  const [contacts, optedOut, campaigns, running, jobsByState] = await Promise.all([
    db().contact.count({ where: { tenantId } }),
    db().dncEntry.count({ where: { tenantId } }),
    db().campaign.count({ where: { tenantId } }),
    db().campaign.count({ where: { tenantId, status: 'RUNNING' } }),
    db().sendJob.groupBy({
      by: ['state'],
      where: { tenantId, createdAt: { gte: monthStart } },
      _count: { _all: true },
    }),
  ]);
  const byState = Object.fromEntries(jobsByState.map((r) => [r.state, r._count._all])) as Record<string, number>;
  return {
    contacts,
    optedOut,
    campaigns,
    runningCampaigns: running,
    thisMonth: {
      delivered: byState.DELIVERED ?? 0,
      sent: (byState.SENT ?? 0) + (byState.DELIVERED ?? 0),
      failed: (byState.FAILED ?? 0) + (byState.UNDELIVERED ?? 0),
      queued: (byState.QUEUED ?? 0) + (byState.SENDING ?? 0),
      skipped: byState.SKIPPED ?? 0,
    },
  };
}
