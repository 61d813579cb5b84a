// Wall-clock arithmetic in IANA time zones: quiet hours, budgets and warm-up all
// count local days, and Australian DST moves them. Temporal does the zone
// arithmetic: at a DST change its answers do not depend on the zone of the machine
// or browser running it (@date-fns/tz's zoned Dates do), and it is told which
// occurrence of a repeated time to pick. Callers get plain Dates.
import { Temporal } from 'temporal-polyfill';

export interface LocalTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

// Only known zones are remembered: import files can hold any number of made-up ones.
const knownZones = new Set<string>();

/**
 * Whether the runtime's Intl knows the zone. Temporal alone would also take fixed
 * offsets such as "+10:00", which settings and imports have never accepted.
 */
export function isValidTimeZone(zone: string): boolean {
  if (knownZones.has(zone)) return true;
  try {
    new Intl.DateTimeFormat('en-AU', { timeZone: zone });
  } catch {
    return false;
  }
  knownZones.add(zone);
  return true;
}

// A drain batch asks the local day and month of one instant for every job it
// charges; zoned date-times are immutable, so the last one can be handed out again.
let last: { ms: number; zone: string; zoned: Temporal.ZonedDateTime } | null = null;

function zonedAt(instant: Date, zone: string): Temporal.ZonedDateTime {
  const ms = instant.getTime();
  if (last?.ms !== ms || last.zone !== zone)
    last = { ms, zone, zoned: Temporal.Instant.fromEpochMilliseconds(ms).toZonedDateTimeISO(zone) };
  return last.zoned;
}

function startOf(date: Temporal.PlainDate, zone: string): Date {
  return new Date(date.toZonedDateTime(zone).epochMilliseconds);
}

export function localTime(instant: Date, zone: string): LocalTime {
  const t = zonedAt(instant, zone);
  return { year: t.year, month: t.month, day: t.day, hour: t.hour, minute: t.minute, second: t.second };
}

/** The local calendar date, as PostgreSQL's `date` reads it. */
export function localDate(instant: Date, zone: string): string {
  return zonedAt(instant, zone).toPlainDate().toString();
}

/**
 * The instant a local wall-clock time occurs. Fields overflow as Date.UTC's do, so
 * day 32 or hour 24 roll over. A time skipped by a DST change resolves to the same
 * wall time in the offset before the change (i.e. later in real time); a time that
 * happens twice when clocks go back, to its second occurrence.
 */
export function instantAt(
  local: { year: number; month: number; day: number; hour?: number; minute?: number },
  zone: string,
): Date {
  // Date.UTC normalises the fields without any zone (Temporal refuses day 32 or a
  // duration of mixed signs); Temporal then places that wall time in the zone.
  const wall = Temporal.Instant.fromEpochMilliseconds(
    Date.UTC(local.year, local.month - 1, local.day, local.hour ?? 0, local.minute ?? 0),
  )
    .toZonedDateTimeISO('UTC')
    .toPlainDateTime();
  return new Date(wall.toZonedDateTime(zone, { disambiguation: 'later' }).epochMilliseconds);
}

export function startOfNextLocalDay(instant: Date, zone: string): Date {
  return startOf(zonedAt(instant, zone).toPlainDate().add({ days: 1 }), zone);
}

export function startOfNextLocalMonth(instant: Date, zone: string): Date {
  return startOf(zonedAt(instant, zone).toPlainDate().with({ day: 1 }).add({ months: 1 }), zone);
}

/** The first day of the local month, as PostgreSQL's `date` reads it. */
export function localMonthStart(instant: Date, zone: string): string {
  return zonedAt(instant, zone).toPlainDate().with({ day: 1 }).toString();
}

// One formatter per zone: charts ask the wall-clock time of thousands of quarter hours.
const wallClockFormats = new Map<string, Intl.DateTimeFormat>();

/** The local wall-clock minute of an instant as 2026-11-25T10:15, the form charts and CSVs bucket by. */
export function wallClock(instant: Date, zone: string): string {
  let format = wallClockFormats.get(zone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-CA', {
      timeZone: zone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    wallClockFormats.set(zone, format);
  }
  const part = Object.fromEntries(format.formatToParts(instant).map((p) => [p.type, p.value]));
  return `${part.year}-${part.month}-${part.day}T${part.hour}:${part.minute}`;
}
