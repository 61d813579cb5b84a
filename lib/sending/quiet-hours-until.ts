import { instantAt, localTime } from '../time/zoned-time';

/** Minutes after local midnight; start 21:00 and end 09:00 wrap past midnight. */
export interface QuietHours {
  start: number;
  end: number;
}

function quietEndIn(now: Date, zone: string, hours: QuietHours): Date | null {
  if (hours.start === hours.end) return null;
  const t = localTime(now, zone);
  const minute = t.hour * 60 + t.minute;
  const wraps = hours.start > hours.end;
  const quiet = wraps ? minute >= hours.start || minute < hours.end : minute >= hours.start && minute < hours.end;
  if (!quiet) return null;
  // Before midnight in a window that wraps, quiet hours end tomorrow morning.
  const dayOffset = wraps && minute >= hours.start ? 1 : 0;
  return instantAt(
    { year: t.year, month: t.month, day: t.day + dayOffset, hour: Math.floor(hours.end / 60), minute: hours.end % 60 },
    zone,
  );
}

/**
 * Null when a message may go now in every one of `zones`, else the first instant
 * at which it is daytime in all of them. Local clocks are read afresh at each
 * candidate instant, so a DST change inside quiet hours moves the answer with it.
 */
export function quietHoursUntil(now: Date, zones: readonly string[], hours: QuietHours): Date | null {
  let at = now;
  for (let round = 0; round < zones.length + 1; round += 1) {
    let moved = false;
    for (const zone of zones) {
      const end = quietEndIn(at, zone, hours);
      if (end && end > at) {
        at = end;
        moved = true;
      }
    }
    if (!moved) return at === now ? null : at;
  }
  return at;
}
