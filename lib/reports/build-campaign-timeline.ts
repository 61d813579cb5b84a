import { wallClock } from '../time/zoned-time';
import type { CampaignReportData } from './campaign-report-scope';

export type BuildCampaignTimelineOptions = Pick<CampaignReportData, 'header' | 'stats'>;

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
const QUARTER_HOUR_MS = 15 * 60_000;

/**
 * Sends, deliveries, people's clicks and the people it caused to opt out, per hour
 * (per day for a long campaign), folded from the aggregates' quarter hours into the
 * workspace's wall clock, so that +9:30 and +8:45 zones bucket exactly too.
 */
export function buildCampaignTimeline({ header, stats }: BuildCampaignTimelineOptions): CampaignTimeline {
  const { timeZone } = header;
  const sending = stats.timeline.filter((t) => t.sends > 0 || t.deliveries > 0);
  const first = sending.find((t) => t.sends > 0)?.at.getTime();
  const last = sending.at(-1)?.at.getTime();
  const spanDays = first !== undefined && last !== undefined ? (last + QUARTER_HOUR_MS - first) / 86_400_000 : 0;
  const unit = spanDays > HOURLY_UP_TO_DAYS ? 'day' : 'hour';
  const bucketOf = (at: Date) => {
    const local = wallClock(at, timeZone);
    return unit === 'day' ? `${local.slice(0, 10)}T00:00` : `${local.slice(0, 13)}:00`;
  };
  const points = new Map<string, TimelinePoint>();
  const pointAt = (at: Date) => {
    const key = bucketOf(at);
    let point = points.get(key);
    if (!point) {
      point = { at: key, sends: 0, deliveries: 0, clicks: 0, optOuts: 0 };
      points.set(key, point);
    }
    return point;
  };
  for (const t of stats.timeline) {
    const point = pointAt(t.at);
    point.sends += t.sends;
    point.deliveries += t.deliveries;
    point.clicks += t.clicks;
  }
  for (const a of stats.attributions) if (a.kind === 'opt_out') pointAt(a.at).optOuts += a.people;
  return { unit, timeZone, points: [...points.values()].sort((a, b) => a.at.localeCompare(b.at)) };
}
