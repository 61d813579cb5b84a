// Wall-clock arithmetic in IANA time zones without a date library: quiet hours,
// budgets and warm-up all count local days, and Australian DST moves them.

export interface LocalTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(zone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(zone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-AU', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(zone, formatter);
  }
  return formatter;
}

export function isValidTimeZone(zone: string): boolean {
  try {
    formatterFor(zone);
    return true;
  } catch {
    return false;
  }
}

export function localTime(instant: Date, zone: string): LocalTime {
  const parts: Record<string, number> = {};
  for (const part of formatterFor(zone).formatToParts(instant)) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  return {
    year: parts.year,
    month: parts.month,
    day: parts.day,
    hour: parts.hour,
    minute: parts.minute,
    second: parts.second,
  };
}

/** The local calendar date, as PostgreSQL's `date` reads it. */
export function localDate(instant: Date, zone: string): string {
  const t = localTime(instant, zone);
  return `${t.year}-${String(t.month).padStart(2, '0')}-${String(t.day).padStart(2, '0')}`;
}

function offsetMs(instant: Date, zone: string): number {
  const t = localTime(instant, zone);
  return Date.UTC(t.year, t.month - 1, t.day, t.hour, t.minute, t.second) - Math.floor(instant.getTime() / 1000) * 1000;
}

/**
 * The instant a local wall-clock time occurs. Date.UTC normalises overflow, so
 * day 32 or hour 24 roll over. A time skipped by a DST change resolves to the
 * same wall time in the offset before the change (i.e. later in real time).
 */
export function instantAt(
  local: { year: number; month: number; day: number; hour?: number; minute?: number },
  zone: string,
): Date {
  const wall = Date.UTC(local.year, local.month - 1, local.day, local.hour ?? 0, local.minute ?? 0);
  const first = wall - offsetMs(new Date(wall), zone);
  const second = wall - offsetMs(new Date(first), zone);
  return new Date(second);
}

export function startOfNextLocalDay(instant: Date, zone: string): Date {
  const t = localTime(instant, zone);
  return instantAt({ year: t.year, month: t.month, day: t.day + 1 }, zone);
}

export function startOfNextLocalMonth(instant: Date, zone: string): Date {
  const t = localTime(instant, zone);
  return instantAt({ year: t.year, month: t.month + 1, day: 1 }, zone);
}

/** The first day of the local month, as PostgreSQL's `date` reads it. */
export function localMonthStart(instant: Date, zone: string): string {
  return `${localDate(instant, zone).slice(0, 8)}01`;
}
