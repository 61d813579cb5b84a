import 'server-only';
import type { Actor } from '../auth/actor';
import { pgPool } from '../db/pg-pool';
import { getWorkspaceTimeZone } from '../tenants/get-workspace-time-zone';
import { instantAt, localTime, startOfNextLocalDay } from '../time/zoned-time';

export interface ReadDashboardDaysOptions {
  actor: Actor;
  now?: Date;
}

export interface DashboardDay {
  /** The workspace's local date, YYYY-MM-DD. */
  date: string;
  /** Messages the carrier confirmed delivered that day. */
  delivered: number;
  /** Clicks on the workspace's campaign links by people that day (link scanners and previews left out). */
  clicks: number;
  /** People who opted out that day within 7 days of a campaign's message (the campaign caused it). */
  optOuts: number;
  /** Opt-outs ÷ delivered that day; null on a day nothing was delivered. */
  optOutRate: number | null;
  /** What the day's sends and replies committed against the daily budget. */
  spentMicros: number;
}

export interface DashboardDays {
  timeZone: string;
  /** The last DAYS local days, oldest first, today last; a day with nothing in it is there with zeros. */
  days: DashboardDay[];
}

export const DASHBOARD_DAYS = 30;

/**
 * The workspace's last 30 days from the aggregates the database keeps: quarter hours of
 * the campaign timeline and campaign-caused opt-outs folded into local days, beside the
 * spend counter the budget gate charges per local day. No job is read.
 */
export async function readDashboardDays({ actor, now = new Date() }: ReadDashboardDaysOptions): Promise<DashboardDays> {
  const timeZone = await getWorkspaceTimeZone({ actor });
  const today = localTime(now, timeZone);
  const from = instantAt({ year: today.year, month: today.month, day: today.day - (DASHBOARD_DAYS - 1) }, timeZone);
  const until = startOfNextLocalDay(now, timeZone);
  const localDay = (column: string) => `date_trunc('day', (${column} AT TIME ZONE 'UTC') AT TIME ZONE $2)`;
  const { rows } = await pgPool().query<Omit<DashboardDay, 'optOutRate'>>(
    `SELECT to_char(d.day, 'YYYY-MM-DD') AS date, coalesce(t.delivered, 0)::int AS delivered,
            coalesce(t.clicks, 0)::int AS clicks, coalesce(o.people, 0)::int AS "optOuts",
            coalesce(u.used, 0)::float8 AS "spentMicros"
       FROM generate_series(${localDay('$3::timestamp')}, ${localDay('$4::timestamp')} - interval '1 day', interval '1 day') AS d(day)
       LEFT JOIN (SELECT ${localDay('at')} AS day, sum(deliveries) AS delivered, sum(clicks) AS clicks
                    FROM campaign_timeline_counts()
                   WHERE "tenantId" = $1::uuid AND at >= $3::timestamp AND at < $4::timestamp
                   GROUP BY 1) t ON t.day = d.day
       LEFT JOIN (SELECT ${localDay('"firstAt"')} AS day, count(*) AS people
                    FROM campaign_attributions
                   WHERE "tenantId" = $1::uuid AND "firstAt" >= $3::timestamp AND "firstAt" < $4::timestamp AND kind = 'opt_out'
                   GROUP BY 1) o ON o.day = d.day
       LEFT JOIN usage_counters u ON u."tenantId" = $1::uuid AND u.scope = 'spend:day' AND u."periodStart" = d.day::date
      ORDER BY d.day`,
    [actor.tenantId, timeZone, from.toISOString(), until.toISOString()],
  );
  return {
    timeZone,
    days: rows.map((d) => ({ ...d, optOutRate: d.delivered > 0 ? d.optOuts / d.delivered : null })),
  };
}
