import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime } from '@/lib/format/date-time';

describe('times in the workspace zone', () => {
  it('reads an instant in the workspace zone with its abbreviation, summer and winter', () => {
    expect(formatDateTime('2026-12-02T04:05:00Z', 'Australia/Sydney')).toBe('2 Dec 2026, 3:05 pm AEDT');
    expect(formatDateTime('2026-07-01T04:05:00Z', 'Australia/Sydney')).toBe('1 Jul 2026, 2:05 pm AEST');
    expect(formatDateTime('2026-12-02T04:05:00Z', 'Australia/Perth')).toBe('2 Dec 2026, 12:05 pm AWST');
    expect(formatDateTime('2026-12-02T04:05:00Z', 'Australia/Adelaide')).toBe('2 Dec 2026, 2:35 pm ACDT');
    expect(formatDateTime(new Date('2026-12-02T04:05:00Z'), 'Australia/Brisbane')).toBe('2 Dec 2026, 2:05 pm AEST');
  });

  it('writes midnight and noon as 12 am and 12 pm', () => {
    expect(formatDateTime('2026-06-30T14:00:00Z', 'Australia/Sydney')).toBe('1 Jul 2026, 12:00 am AEST');
    expect(formatDateTime('2026-07-01T02:00:00Z', 'Australia/Sydney')).toBe('1 Jul 2026, 12:00 pm AEST');
  });

  it('takes the local date, not the UTC one, whatever zone the machine runs in', () => {
    expect(formatDate('2026-06-30T14:30:00Z', 'Australia/Sydney')).toBe('1 Jul 2026');
    expect(formatDate('2026-06-30T14:30:00Z', 'Australia/Perth')).toBe('30 Jun 2026');
  });

  it('follows the zone across a DST change: the same wall time an hour apart in UTC', () => {
    // Clocks went forward at 2 am on Sunday 4 October 2026 in Sydney.
    expect(formatDateTime('2026-10-03T15:30:00Z', 'Australia/Sydney')).toBe('4 Oct 2026, 1:30 am AEST');
    expect(formatDateTime('2026-10-03T16:30:00Z', 'Australia/Sydney')).toBe('4 Oct 2026, 3:30 am AEDT');
  });

  it('uses plain spaces only, so the server and the browser render the same text', () => {
    expect(formatDateTime('2026-12-02T04:05:00Z', 'Australia/Sydney')).toMatch(/^[\w ,:]+$/);
  });
});
