import 'server-only';
import type { Actor } from '../auth/actor';
import { db } from '../db/client';

export interface WorkspaceSummaryOptions {
  actor: Actor;
}

/** The dashboard's headline figures. Delivered, not sent, is the success figure. */
export async function workspaceSummary({ actor }: WorkspaceSummaryOptions) {
  const tenantId = actor.tenantId;
  const monthStart = new Date();
  monthStart.setUTCDate(1);
  monthStart.setUTCHours(0, 0, 0, 0);
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
