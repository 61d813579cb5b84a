import { localTime } from '../time/zoned-time';

/** Messages a new number may send on its first, second, third and fourth local day. */
export const WARM_UP_CURVE: readonly number[] = [50, 100, 200, 300];

export interface WarmUpLimit {
  /** 1 on the local day the warm-up started; 0 while the start is still ahead. */
  day: number;
  limit: number;
  warmingUp: boolean;
}

/**
 * The calendar date an instant falls on in a time zone, counted in days since
 * 1970-01-01. Counting whole dates (not elapsed milliseconds) keeps a 23- or
 * 25-hour day at a DST change one day long.
 */
function localDayNumber(instant: Date, timeZone: string): number {
  const t = localTime(instant, timeZone);
  return Date.UTC(t.year, t.month - 1, t.day) / 86_400_000;
}

export interface WarmUpDailyLimitOptions {
  warmupStartedAt: Date;
  dailyCap: number;
  now: Date;
  timeZone: string;
}

/**
 * How many messages a sending number may send today: carriers filter a new
 * number that jumps straight to volume, so it climbs 50/100/200/300 over its
 * first four local days (never above its own cap), then sends up to its steady cap.
 */
export function warmUpDailyLimit({ warmupStartedAt, dailyCap, now, timeZone }: WarmUpDailyLimitOptions): WarmUpLimit {
  if (warmupStartedAt.getTime() > now.getTime()) return { day: 0, limit: 0, warmingUp: true };
  const day = localDayNumber(now, timeZone) - localDayNumber(warmupStartedAt, timeZone) + 1;
  if (day > WARM_UP_CURVE.length) return { day, limit: dailyCap, warmingUp: false };
  return { day, limit: Math.min(WARM_UP_CURVE[day - 1], dailyCap), warmingUp: true };
}
