import { describe, expect, it } from 'vitest';
import { ALL_AUSTRALIAN_ZONES, contactTimeZone } from '@/lib/contacts/contact-time-zone';
import { quietHoursUntil } from '@/lib/sending/quiet-hours-until';

const DEFAULT = { start: 21 * 60, end: 9 * 60 };
const SYDNEY = ['Australia/Sydney'];
const at = (iso: string) => new Date(iso);

describe('quiet hours in Sydney across the start of daylight saving (Sunday 4 October 2026, 02:00 → 03:00)', () => {
  it('sends at 20:59 on the Saturday evening (AEST, UTC+10)', () => {
    expect(quietHoursUntil(at('2026-10-03T10:59:00Z'), SYDNEY, DEFAULT)).toBeNull();
  });

  it('holds at 21:00 on the Saturday until 09:00 Sunday daylight time, an hour shorter night (22:00 UTC)', () => {
    expect(quietHoursUntil(at('2026-10-03T11:00:00Z'), SYDNEY, DEFAULT)).toEqual(at('2026-10-03T22:00:00Z'));
  });

  it('holds at 08:59 on the Sunday (AEDT, UTC+11) for one more minute', () => {
    expect(quietHoursUntil(at('2026-10-03T21:59:00Z'), SYDNEY, DEFAULT)).toEqual(at('2026-10-03T22:00:00Z'));
  });

  it('sends at 09:00 on the Sunday', () => {
    expect(quietHoursUntil(at('2026-10-03T22:00:00Z'), SYDNEY, DEFAULT)).toBeNull();
  });
});

describe('quiet hours in Sydney across the end of daylight saving (Sunday 5 April 2026, 03:00 → 02:00)', () => {
  it('sends at 20:59 on the Saturday evening (AEDT, UTC+11)', () => {
    expect(quietHoursUntil(at('2026-04-04T09:59:00Z'), SYDNEY, DEFAULT)).toBeNull();
  });

  it('holds at 21:00 on the Saturday until 09:00 Sunday standard time, an hour longer night (23:00 UTC)', () => {
    expect(quietHoursUntil(at('2026-04-04T10:00:00Z'), SYDNEY, DEFAULT)).toEqual(at('2026-04-04T23:00:00Z'));
  });

  it('holds at 08:59 on the Sunday (AEST, UTC+10) and sends at 09:00', () => {
    expect(quietHoursUntil(at('2026-04-04T22:59:00Z'), SYDNEY, DEFAULT)).toEqual(at('2026-04-04T23:00:00Z'));
    expect(quietHoursUntil(at('2026-04-04T23:00:00Z'), SYDNEY, DEFAULT)).toBeNull();
  });

  it('holds during the repeated hour after the clocks go back (02:30 happens twice)', () => {
    expect(quietHoursUntil(at('2026-04-04T15:30:00Z'), SYDNEY, DEFAULT)).toEqual(at('2026-04-04T23:00:00Z'));
    expect(quietHoursUntil(at('2026-04-04T16:30:00Z'), SYDNEY, DEFAULT)).toEqual(at('2026-04-04T23:00:00Z'));
  });
});

describe('quiet hours in other zones and settings', () => {
  it('uses the recipient’s own clock: 21:30 in Sydney is 18:30 in Perth, so Perth still gets messages', () => {
    const now = at('2026-11-25T10:30:00Z');
    expect(quietHoursUntil(now, SYDNEY, DEFAULT)).not.toBeNull();
    expect(quietHoursUntil(now, ['Australia/Perth'], DEFAULT)).toBeNull();
  });

  it('for an Australian contact of unknown location, waits until it is 09:00 in Perth, the last zone to wake', () => {
    // 07:00 in Perth (UTC+8) is 10:00 in Sydney (UTC+11): daytime on the east coast, night in the west.
    expect(quietHoursUntil(at('2026-11-24T23:00:00Z'), ALL_AUSTRALIAN_ZONES, DEFAULT)).toEqual(
      at('2026-11-25T01:00:00Z'),
    );
  });

  it('for an Australian contact of unknown location, stops at 21:00 on Lord Howe Island, the first zone to sleep', () => {
    // Lord Howe is UTC+11 in summer, so 21:00 there is 10:00 UTC.
    expect(quietHoursUntil(at('2026-11-25T09:59:00Z'), ALL_AUSTRALIAN_ZONES, DEFAULT)).toBeNull();
    expect(quietHoursUntil(at('2026-11-25T10:00:00Z'), ALL_AUSTRALIAN_ZONES, DEFAULT)).toEqual(
      at('2026-11-26T01:00:00Z'),
    );
  });

  it('supports a window that does not wrap midnight, and none at all when start equals end', () => {
    const lunch = { start: 12 * 60, end: 13 * 60 };
    expect(quietHoursUntil(at('2026-11-25T01:30:00Z'), SYDNEY, lunch)).toEqual(at('2026-11-25T02:00:00Z'));
    expect(quietHoursUntil(at('2026-11-25T02:00:00Z'), SYDNEY, lunch)).toBeNull();
    expect(quietHoursUntil(at('2026-11-25T12:00:00Z'), SYDNEY, { start: 0, end: 0 })).toBeNull();
  });
});

describe('a contact’s time zone', () => {
  const base = { timeZone: null, state: null, postcode: null, phoneE164: '+61412345678' };

  it('comes from an explicit zone first, then the state, then the postcode', () => {
    expect(contactTimeZone({ ...base, timeZone: 'Australia/Darwin', state: 'WA' }, 'Australia/Sydney')).toBe(
      'Australia/Darwin',
    );
    expect(contactTimeZone({ ...base, state: 'wa', postcode: '2000' }, 'Australia/Sydney')).toBe('Australia/Perth');
    expect(contactTimeZone({ ...base, postcode: '6000' }, 'Australia/Sydney')).toBe('Australia/Perth');
    expect(contactTimeZone({ ...base, postcode: '0800' }, 'Australia/Sydney')).toBe('Australia/Darwin');
  });

  it('knows the towns that keep another state’s clock: Broken Hill (2880) runs on Adelaide time', () => {
    expect(contactTimeZone({ ...base, postcode: '2880' }, 'Australia/Sydney')).toBe('Australia/Broken_Hill');
  });

  it('is every Australian zone at once (null) for an Australian number with nothing known, and the tenant’s for a foreign one', () => {
    expect(contactTimeZone(base, 'Australia/Sydney')).toBeNull();
    expect(contactTimeZone({ ...base, phoneE164: '+6421555123' }, 'Australia/Brisbane')).toBe('Australia/Brisbane');
  });

  it('ignores a zone name it does not know rather than failing the batch', () => {
    expect(contactTimeZone({ ...base, timeZone: 'Mars/Olympus', state: 'QLD' }, 'Australia/Sydney')).toBe(
      'Australia/Brisbane',
    );
  });
});
