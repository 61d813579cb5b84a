import { afterEach, describe, expect, it } from 'vitest';
import {
  instantAt,
  isValidTimeZone,
  localDate,
  localMonthStart,
  localTime,
  startOfNextLocalDay,
  startOfNextLocalMonth,
} from '@/lib/time/zoned-time';

const SYDNEY = 'Australia/Sydney';
const LORD_HOWE = 'Australia/Lord_Howe';
const at = (iso: string) => new Date(iso);

describe('wall-clock time in a zone', () => {
  it('reads the local time and date of an instant', () => {
    expect(localTime(at('2026-10-03T15:59:30Z'), SYDNEY)).toEqual({
      year: 2026,
      month: 10,
      day: 4,
      hour: 1,
      minute: 59,
      second: 30,
    });
    expect(localDate(at('2026-06-30T14:30:00Z'), SYDNEY)).toBe('2026-07-01');
    expect(localMonthStart(at('2026-06-30T14:30:00Z'), SYDNEY)).toBe('2026-07-01');
    expect(localMonthStart(at('2026-06-30T13:30:00Z'), SYDNEY)).toBe('2026-06-01');
  });

  it('finds the instant of a local time, rolling over day 32 and hour 24', () => {
    expect(instantAt({ year: 2026, month: 7, day: 1, hour: 9 }, SYDNEY)).toEqual(at('2026-06-30T23:00:00Z'));
    expect(instantAt({ year: 2026, month: 1, day: 32 }, SYDNEY)).toEqual(at('2026-01-31T13:00:00Z'));
    expect(instantAt({ year: 2026, month: 7, day: 31, hour: 24 }, SYDNEY)).toEqual(at('2026-07-31T14:00:00Z'));
    expect(instantAt({ year: 2026, month: 13, day: 1 }, SYDNEY)).toEqual(at('2026-12-31T13:00:00Z'));
  });

  it('moves a time the clocks skip to the same wall time before the change: 02:30 becomes 03:30 daylight time', () => {
    expect(instantAt({ year: 2026, month: 10, day: 4, hour: 2, minute: 30 }, SYDNEY)).toEqual(
      at('2026-10-03T16:30:00Z'),
    );
  });

  it('takes the second 02:30 when the clocks go back and it happens twice', () => {
    expect(instantAt({ year: 2026, month: 4, day: 5, hour: 2, minute: 30 }, SYDNEY)).toEqual(
      at('2026-04-04T16:30:00Z'),
    );
  });

  it('knows Lord Howe Island moves its clocks by half an hour', () => {
    // 02:15 does not exist on 4 October 2026 there (02:00 +10:30 → 02:30 +11): it is 02:45 daylight time.
    expect(instantAt({ year: 2026, month: 10, day: 4, hour: 2, minute: 15 }, LORD_HOWE)).toEqual(
      at('2026-10-03T15:45:00Z'),
    );
  });

  it('applies the same rules west of UTC: a skipped 02:30 in New York is 03:30, and a day whose midnight is skipped starts at 01:00', () => {
    expect(instantAt({ year: 2026, month: 3, day: 8, hour: 2, minute: 30 }, 'America/New_York')).toEqual(
      at('2026-03-08T07:30:00Z'),
    );
    // Chile's clocks go from 00:00 to 01:00 on Sunday 6 September 2026.
    expect(startOfNextLocalDay(at('2026-09-05T15:00:00Z'), 'America/Santiago')).toEqual(at('2026-09-06T04:00:00Z'));
  });

  it('starts the next local day and month at local midnight, whatever the length of the day', () => {
    // Saturday 3 October 2026, 22:00 in Sydney: Sunday has 23 hours.
    expect(startOfNextLocalDay(at('2026-10-03T12:00:00Z'), SYDNEY)).toEqual(at('2026-10-03T14:00:00Z'));
    expect(startOfNextLocalDay(at('2026-10-04T12:00:00Z'), SYDNEY)).toEqual(at('2026-10-04T13:00:00Z'));
    expect(startOfNextLocalMonth(at('2026-03-31T12:00:00Z'), SYDNEY)).toEqual(at('2026-03-31T13:00:00Z'));
    expect(startOfNextLocalMonth(at('2026-12-15T00:00:00Z'), SYDNEY)).toEqual(at('2026-12-31T13:00:00Z'));
  });

  it('accepts the zones Intl knows and refuses others, and never guesses a clock for an unknown zone', () => {
    expect(isValidTimeZone(SYDNEY)).toBe(true);
    expect(isValidTimeZone('australia/perth')).toBe(true);
    expect(isValidTimeZone('Mars/Olympus')).toBe(false);
    expect(isValidTimeZone('')).toBe(false);
    expect(() => localTime(at('2026-01-01T00:00:00Z'), 'Mars/Olympus')).toThrow(RangeError);
    expect(() => instantAt({ year: 2026, month: 1, day: 1 }, 'Mars/Olympus')).toThrow(RangeError);
  });
});

describe('wall-clock time on a machine in another zone', () => {
  const machineZone = process.env.TZ;
  afterEach(() => {
    if (machineZone === undefined) delete process.env.TZ;
    else process.env.TZ = machineZone;
  });

  it.each(['UTC', 'Australia/Sydney', 'America/New_York'])(
    'gives the same answers at DST changes when the machine runs on %s',
    (zone) => {
      process.env.TZ = zone;
      expect(instantAt({ year: 2026, month: 4, day: 5, hour: 2, minute: 30 }, SYDNEY)).toEqual(
        at('2026-04-04T16:30:00Z'),
      );
      expect(instantAt({ year: 2026, month: 10, day: 4, hour: 2, minute: 15 }, LORD_HOWE)).toEqual(
        at('2026-10-03T15:45:00Z'),
      );
      expect(localTime(at('2026-04-04T15:30:00Z'), SYDNEY).hour).toBe(2);
      expect(localTime(at('2026-04-04T16:30:00Z'), SYDNEY).hour).toBe(2);
    },
  );
});
