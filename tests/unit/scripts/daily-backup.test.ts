import { describe, expect, it } from 'vitest';
import { nextDailyRun } from '@/scripts/support/daily-backup';

const local = (day: number, hours: number, minutes: number) => new Date(2026, 11, day, hours, minutes);

describe('the daily backup of npm start', () => {
  it('runs next at BACKUP_AT today if that is still to come, else tomorrow', () => {
    expect(nextDailyRun('02:30', local(2, 1, 0))).toEqual(local(2, 2, 30));
    expect(nextDailyRun('02:30', local(2, 2, 30))).toEqual(local(3, 2, 30));
    expect(nextDailyRun('02:30', local(2, 23, 59))).toEqual(local(3, 2, 30));
  });
});
