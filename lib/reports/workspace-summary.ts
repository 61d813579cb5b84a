import 'server-only';
import type { Actor } from '../auth/actor';
import { db } from '../db/client';
import { pgPool } from '../db/pg-pool';
import { MESSAGE_FIGURES_SQL, deliveryRate, type MessageFigures } from '../sending/message-figures';
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
    pgPool().query<MessageFigures>(
      `SELECT ${MESSAGE_FIGURES_SQL} FROM send_jobs WHERE "tenantId" = $1::uuid AND "createdAt" >= $2::timestamp`,
      [tenantId, monthStart.toISOString()],
    ),
  ]);
  const thisMonth = jobsByState.rows[0];
  return {
    contacts,
    optedOut,
    campaigns,
    runningCampaigns: running,
    thisMonth,
    deliveryRateThisMonth: deliveryRate(thisMonth),
  };
}
