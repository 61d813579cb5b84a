import { describe, expect, it } from 'vitest';
import { warmUpDailyLimit } from '@/lib/sending-numbers/warm-up-curve';

const SYDNEY = 'Australia/Sydney';

function limitAt(warmupStartedAt: string, now: string, { dailyCap = 1000, timeZone = SYDNEY } = {}) {
  return warmUpDailyLimit({ warmupStartedAt: new Date(warmupStartedAt), dailyCap, now: new Date(now), timeZone });
}

describe('warm-up daily limit', () => {
  it('climbs 50, 100, 200, 300 over the first four local days, then allows the steady cap', () => {
    // 10:00 AEDT on 10 March 2026, the same time on each of the next four days, then 09:00 AEST on 30 April.
    const start = '2026-03-09T23:00:00Z';
    const days = [
      '2026-03-09T23:00:00Z',
      '2026-03-10T23:00:00Z',
      '2026-03-11T23:00:00Z',
      '2026-03-12T23:00:00Z',
      '2026-03-13T23:00:00Z',
      '2026-04-29T23:00:00Z',
    ];
    expect(days.map((now) => limitAt(start, now))).toEqual([
      { day: 1, limit: 50, warmingUp: true },
      { day: 2, limit: 100, warmingUp: true },
      { day: 3, limit: 200, warmingUp: true },
      { day: 4, limit: 300, warmingUp: true },
      { day: 5, limit: 1000, warmingUp: false },
      { day: 52, limit: 1000, warmingUp: false },
    ]);
  });

  it('never lets the warm-up allow more than the number’s own daily cap', () => {
    expect(limitAt('2026-03-09T23:00:00Z', '2026-03-11T23:00:00Z', { dailyCap: 80 })).toEqual({
      day: 3,
      limit: 80,
      warmingUp: true,
    });
    expect(limitAt('2026-03-09T23:00:00Z', '2026-03-20T23:00:00Z', { dailyCap: 80 })).toEqual({
      day: 12,
      limit: 80,
      warmingUp: false,
    });
  });

  it('allows nothing while the warm-up start is still in the future, even later the same day', () => {
    expect(limitAt('2026-03-12T23:00:00Z', '2026-03-10T23:00:00Z')).toEqual({ day: 0, limit: 0, warmingUp: true });
    expect(limitAt('2026-03-10T01:00:00Z', '2026-03-10T00:59:59Z')).toEqual({ day: 0, limit: 0, warmingUp: true });
  });

  it('starts day 2 at local midnight, not after 24 hours', () => {
    // Started 23:30 AEDT on 10 March (12:30 UTC, still 10 March in UTC too).
    const start = '2026-03-10T12:30:00Z';
    expect(limitAt(start, '2026-03-10T12:59:59Z')).toMatchObject({ day: 1, limit: 50 }); // 23:59:59 local
    expect(limitAt(start, '2026-03-10T13:00:00Z')).toMatchObject({ day: 2, limit: 100 }); // 00:00 local, 11 March
  });

  it('counts days in the tenant’s own time zone', () => {
    // 02:30 → 03:30 on 11 March in Sydney; 23:30 on 10 March → 00:30 on 11 March in Perth.
    const [start, now] = ['2026-03-10T15:30:00Z', '2026-03-10T16:30:00Z'];
    expect(limitAt(start, now, { timeZone: SYDNEY }).day).toBe(1);
    expect(limitAt(start, now, { timeZone: 'Australia/Perth' }).day).toBe(2);
  });

  it('counts the 25-hour day when Sydney daylight saving ends as one day', () => {
    // Clocks go back 03:00 AEDT → 02:00 AEST on Sunday 5 April 2026. From 00:30 AEDT
    // on 4 April to 23:30 AEST on 5 April is exactly 48 hours but only the second local day.
    expect(limitAt('2026-04-03T13:30:00Z', '2026-04-05T13:30:00Z')).toEqual({ day: 2, limit: 100, warmingUp: true });
  });

  it('counts the 23-hour day when Sydney daylight saving starts as one day', () => {
    // Clocks go forward 02:00 AEST → 03:00 AEDT on Sunday 4 October 2026. From 23:30 AEST
    // on 3 October to 00:15 AEDT on 5 October is under 24 hours yet the third local day.
    expect(limitAt('2026-10-03T13:30:00Z', '2026-10-04T13:15:00Z')).toEqual({ day: 3, limit: 200, warmingUp: true });
  });
});
