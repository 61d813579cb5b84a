import 'server-only';
import type { Actor } from '../auth/actor';
import { db } from '../db/client';
import { pgPool } from '../db/pg-pool';
import { getWorkspaceTimeZone } from '../tenants/get-workspace-time-zone';
import { instantAt, localTime } from '../time/zoned-time';

export interface WorkspaceSummaryOptions {
  actor: Actor;
  now?: Date;
}

/**
 * The dashboard's headline figures, from the report aggregates rather than the jobs. This
 * month's are messages the carrier reported sent and delivered since the month began,
 * whichever campaign they belong to; delivered, not sent, is the success figure.
 */
export async function workspaceSummary({ actor, now = new Date() }: WorkspaceSummaryOptions) {
  const tenantId = actor.tenantId;
  // "This month" is the workspace's month: in Sydney it starts 10 or 11 hours before UTC's.
  const timeZone = await getWorkspaceTimeZone({ actor });
  const today = localTime(now, timeZone);
  const monthStart = instantAt({ year: today.year, month: today.month, day: 1 }, timeZone);
  const [counts, campaigns, running, month, queue] = await Promise.all([
    // Kept by triggers (migration tenant_counts): counting a million contacts takes most of 100 ms.
    pgPool().query<{ contacts: number; optedOut: number }>(
      `SELECT coalesce(sum(contacts), 0)::float8 AS contacts, coalesce(sum("dncEntries"), 0)::float8 AS "optedOut"
         FROM tenant_counts WHERE "tenantId" = $1::uuid`,
      [tenantId],
    ),
    db().campaign.count({ where: { tenantId } }),
    db().campaign.count({ where: { tenantId, status: 'RUNNING' } }),
    pgPool().query<{ sent: number; delivered: number }>(
      `SELECT coalesce(sum(sends), 0)::int AS sent, coalesce(sum(deliveries), 0)::int AS delivered
         FROM campaign_timeline_counts() WHERE "tenantId" = $1::uuid AND at >= $2::timestamp`,
      [tenantId, monthStart.toISOString()],
    ),
    // Only a launched campaign that has not ended can have messages waiting.
    pgPool().query<{ waiting: number; held: number }>(
      `SELECT coalesce(sum(s.jobs) FILTER (WHERE s.state IN ('QUEUED', 'SENDING') AND NOT s.handed), 0)::int AS waiting,
              coalesce(sum(s.jobs) FILTER (WHERE s.held), 0)::int AS held
         FROM campaigns c JOIN campaign_job_counts() s ON s."tenantId" = c."tenantId" AND s."campaignId" = c.id
        WHERE c."tenantId" = $1::uuid AND c.status IN ('SCHEDULED', 'RUNNING', 'PAUSED')`,
      [tenantId],
    ),
  ]);
  return {
    contacts: counts.rows[0].contacts,
    optedOut: counts.rows[0].optedOut,
    campaigns,
    runningCampaigns: running,
    thisMonth: month.rows[0],
    /** Not yet taken by the carrier: queued (held ones included) or being handed over. */
    waiting: queue.rows[0].waiting,
    held: queue.rows[0].held,
  };
}
