// Instants as a person in the workspace reads them: in the workspace's zone, never the
// zone of the server or the browser, with the zone's abbreviation (AEST, AEDT, AWST…).
// Intl supplies only the numbers and the abbreviation; the words and spacing are ours,
// so a page rendered by the server's ICU and hydrated by the browser's reads the same
// (ICU versions disagree on spaces before "pm" and on month abbreviations).

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-AU', {
      timeZone,
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      hourCycle: 'h23',
      timeZoneName: 'short',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

interface ZonedParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  zone: string;
}

function partsOf(at: Date | string, timeZone: string): ZonedParts {
  const parts = formatterFor(timeZone).formatToParts(typeof at === 'string' ? new Date(at) : at);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  return {
    year: Number(part('year')),
    month: Number(part('month')),
    day: Number(part('day')),
    hour: Number(part('hour')),
    minute: Number(part('minute')),
    zone: part('timeZoneName'),
  };
}

/** The local date: "2 Dec 2026". */
export function formatDate(at: Date | string, timeZone: string): string {
  const t = partsOf(at, timeZone);
  return `${t.day} ${MONTHS[t.month - 1]} ${t.year}`;
}

/** A local calendar date as PostgreSQL writes it (2026-11-25), short, for a chart's axis: "25 Nov". */
export function formatDayMonth(date: string): string {
  const [, month, day] = date.split('-').map(Number);
  return `${day} ${MONTHS[month - 1]}`;
}

/** The local date and time with the zone: "2 Dec 2026, 3:05 pm AEDT". */
export function formatDateTime(at: Date | string, timeZone: string): string {
  const t = partsOf(at, timeZone);
  const hour = t.hour % 12 === 0 ? 12 : t.hour % 12;
  const minute = String(t.minute).padStart(2, '0');
  return `${t.day} ${MONTHS[t.month - 1]} ${t.year}, ${hour}:${minute} ${t.hour < 12 ? 'am' : 'pm'} ${t.zone}`;
}

/** A time later today as a 24-hour clock reads it ("19:40"), with the date in front when it is another day ("3 Dec 09:15"). */
export function formatNextTime(at: Date, now: Date, timeZone: string): string {
  const t = partsOf(at, timeZone);
  const today = partsOf(now, timeZone);
  const clock = `${String(t.hour).padStart(2, '0')}:${String(t.minute).padStart(2, '0')}`;
  const sameDay = t.year === today.year && t.month === today.month && t.day === today.day;
  return sameDay ? clock : `${t.day} ${MONTHS[t.month - 1]} ${clock}`;
}

/** How long ago, roughly: "just now", "25 min ago", "3 h ago", "2 days ago". */
export function formatAgo(at: Date, now: Date): string {
  const minutes = Math.max(0, Math.floor((now.getTime() - at.getTime()) / 60_000));
  if (minutes < 1) return 'just now';
  if (minutes < 60) return `${minutes} min ago`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return `${hours} h ago`;
  return `${Math.floor(hours / 24)} days ago`;
}
