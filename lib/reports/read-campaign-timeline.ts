import 'server-only';
import { pgPool } from '../db/pg-pool';
import { ATTRIBUTED_OPT_OUTS_SQL, readCampaignHeader, type CampaignScope } from './campaign-report-scope';

export type ReadCampaignTimelineOptions = CampaignScope;

export interface TimelinePoint {
  /** The bucket's start in the workspace's time zone, as local wall-clock time (2026-11-25T10:00). */
  at: string;
  sends: number;
  deliveries: number;
  clicks: number;
  optOuts: number;
}

export interface CampaignTimeline {
  unit: 'hour' | 'day';
  timeZone: string;
  points: TimelinePoint[];
}

/** Beyond this span a campaign's timeline is per day, or the hours would be too many to read. */
const HOURLY_UP_TO_DAYS = 3;

/** Sends, deliveries, people's clicks and the opt-outs it caused, per hour (per day for a long campaign). */
export async function readCampaignTimeline(scope: ReadCampaignTimelineOptions): Promise<CampaignTimeline> {
  const header = await readCampaignHeader(scope);
  const values = [scope.tenantId, scope.campaignId];
  const span = await pgPool().query<{ days: number | null }>(
    `SELECT extract(epoch FROM max(coalesce("deliveredAt", "sentAt")) - min("sentAt"))::float8 / 86400 AS days
       FROM send_jobs WHERE "tenantId" = $1::uuid AND "campaignId" = $2::uuid AND "sentAt" IS NOT NULL`,
    values,
  );
  const unit = (span.rows[0].days ?? 0) > HOURLY_UP_TO_DAYS ? 'day' : 'hour';
  const bucket = (column: string) =>
    `to_char(date_trunc('${unit}', (${column} AT TIME ZONE 'UTC') AT TIME ZONE $3), 'YYYY-MM-DD"T"HH24:MI')`;
  const { rows } = await pgPool().query<{ at: string; series: keyof Omit<TimelinePoint, 'at'>; n: number }>(
    `SELECT ${bucket('"sentAt"')} AS at, 'sends' AS series, count(*)::int AS n
       FROM send_jobs WHERE "tenantId" = $1::uuid AND "campaignId" = $2::uuid AND "sentAt" IS NOT NULL GROUP BY 1
     UNION ALL
     SELECT ${bucket('"deliveredAt"')}, 'deliveries', count(*)::int
       FROM send_jobs WHERE "tenantId" = $1::uuid AND "campaignId" = $2::uuid AND state = 'DELIVERED' AND "deliveredAt" IS NOT NULL GROUP BY 1
     UNION ALL
     SELECT ${bucket('"occurredAt"')}, 'clicks', count(*)::int
       FROM clicks WHERE "tenantId" = $1::uuid AND "campaignId" = $2::uuid AND NOT "isBot" GROUP BY 1
     UNION ALL
     SELECT ${bucket('"occurredAt"')}, 'optOuts', count(*)::int FROM (${ATTRIBUTED_OPT_OUTS_SQL}) o GROUP BY 1`,
    [...values, header.timeZone],
  );
  const points = new Map<string, TimelinePoint>();
  for (const row of rows) {
    const point = points.get(row.at) ?? { at: row.at, sends: 0, deliveries: 0, clicks: 0, optOuts: 0 };
    point[row.series] += row.n;
    points.set(row.at, point);
  }
  return {
    unit,
    timeZone: header.timeZone,
    points: [...points.values()].sort((a, b) => a.at.localeCompare(b.at)),
  };
}
