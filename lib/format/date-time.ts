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

/** The local date and time with the zone: "2 Dec 2026, 3:05 pm AEDT". */
export function formatDateTime(at: Date | string, timeZone: string): string {
  const t = partsOf(at, timeZone);
  const hour = t.hour % 12 === 0 ? 12 : t.hour % 12;
  const minute = String(t.minute).padStart(2, '0');
  return `${t.day} ${MONTHS[t.month - 1]} ${t.year}, ${hour}:${minute} ${t.hour < 12 ? 'am' : 'pm'} ${t.zone}`;
}
