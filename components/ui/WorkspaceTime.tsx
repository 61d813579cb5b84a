import { formatDate, formatDateTime } from '@/lib/format/date-time';

interface WorkspaceTimeProps {
  at: Date | string;
  /** The workspace's IANA zone (its settings); every time in the app is read in it. */
  timeZone: string;
  /** Only the local date, for tight columns; the full time and zone show on hover. */
  dateOnly?: boolean;
}

/** An instant in the workspace's zone with its abbreviation, identical when rendered by the server or the browser. */
export function WorkspaceTime({ at, timeZone, dateOnly = false }: WorkspaceTimeProps) {
  const full = formatDateTime(at, timeZone);
  return (
    <time dateTime={new Date(at).toISOString()} title={dateOnly ? full : undefined}>
      {dateOnly ? formatDate(at, timeZone) : full}
    </time>
  );
}
