import { describe, expect, it } from 'vitest';
import { estimateFinish, type FinishInputs } from '@/lib/sending/estimate-finish';
import { localTime } from '@/lib/time/zoned-time';

const ZONE = 'Australia/Sydney';
// 10:00 in Sydney on a Wednesday, quiet hours 21:00–09:00.
const NOW = new Date('2026-12-01T23:00:00Z');

function inputs(overrides: Partial<FinishInputs>): FinishInputs {
  return {
    now: NOW,
    timeZone: ZONE,
    quietHours: { start: 21 * 60, end: 9 * 60 },
    messages: 650,
    perMinute: 60,
    numbers: [{ warmupStartedAt: NOW, dailyCap: 2000, usedToday: 0 }],
    averageCostMicros: 50_000,
    dailyBudgetMicros: null,
    spentTodayMicros: 0,
    monthlyBudgetMicros: null,
    spentThisMonthMicros: 0,
    ...overrides,
  };
}

const localDay = (at: Date | null) => (at ? localTime(at, ZONE).day : null);

describe('when a campaign will finish, and what sets its pace', () => {
  it('names the warm-up of a new number as the limit: 650 messages take four local days (50, 100, 200, 300)', () => {
    const finish = estimateFinish(inputs({}));
    expect(localDay(finish.finishAt)).toBe(localDay(NOW)! + 3);
    expect(finish.limits).toEqual([expect.stringContaining('the warm-up of new sending numbers')]);
  });

  it('sends the same 650 today from a number established a year ago: the pace is the limit', () => {
    const finish = estimateFinish(
      inputs({ numbers: [{ warmupStartedAt: new Date('2025-12-01T00:00:00Z'), dailyCap: 2000, usedToday: 0 }] }),
    );
    expect(localDay(finish.finishAt)).toBe(localDay(NOW));
    expect(finish.limits).toEqual(['the pace of 60 messages a minute within daytime hours']);
  });

  it("names an established number's daily cap, not warm-up, when the cap is what holds it back", () => {
    const finish = estimateFinish(
      inputs({
        messages: 5000,
        numbers: [{ warmupStartedAt: new Date('2025-12-01T00:00:00Z'), dailyCap: 2000, usedToday: 0 }],
      }),
    );
    expect(localDay(finish.finishAt)).toBe(localDay(NOW)! + 2);
    expect(finish.limits).toEqual(['the sending numbers’ daily caps']);
  });
});
