import { describe, expect, it } from 'vitest';
import { compareClickRates } from '@/lib/reports/compare-click-rates';

describe('compareClickRates', () => {
  it('says which message did better and how sure, from a two-proportion z-test', () => {
    // 10 % against 5 % of 1,000 each: z ≈ 4.2, far past 99 %.
    const verdict = compareClickRates({
      samples: [
        { label: 'Message A', clicked: 50, delivered: 1000 },
        { label: 'Message B', clicked: 100, delivered: 1000 },
      ],
    });
    expect(verdict).toMatchObject({ kind: 'better', winner: 'Message B', loser: 'Message A' });
    expect(verdict.statement).toBe("Message B's click rate is higher, 99 % confident.");
  });

  it('rounds the confidence down to the level the difference reaches', () => {
    // 12 % against 9 % of 1,000 each: z ≈ 2.19, p ≈ 0.029 — 95 % but not 99 %.
    const verdict = compareClickRates({
      samples: [
        { label: 'Message A', clicked: 120, delivered: 1000 },
        { label: 'Message B', clicked: 90, delivered: 1000 },
      ],
    });
    expect(verdict.statement).toBe("Message A's click rate is higher, 95 % confident.");
    if (verdict.kind === 'better') expect(verdict.confidence).toBeCloseTo(0.971, 2);
  });

  it('says no clear difference when the rates are close', () => {
    const verdict = compareClickRates({
      samples: [
        { label: 'Message A', clicked: 100, delivered: 1000 },
        { label: 'Message B', clicked: 104, delivered: 1000 },
      ],
    });
    expect(verdict.kind).toBe('no-difference');
    expect(verdict.statement).toMatch(/No clear difference/);
  });

  it('says not enough data below the minimum sample, whatever the rates', () => {
    const verdict = compareClickRates({
      samples: [
        { label: 'Message A', clicked: 0, delivered: 40 },
        { label: 'Message B', clicked: 30, delivered: 40 },
      ],
    });
    expect(verdict.kind).toBe('not-enough-data');
    expect(verdict.statement).toMatch(/^Not enough data yet/);
    expect(compareClickRates({ samples: [{ label: 'Message A', clicked: 5, delivered: 500 }] }).kind).toBe(
      'not-enough-data',
    );
  });

  it('is not fooled by equal rates of zero', () => {
    const verdict = compareClickRates({
      samples: [
        { label: 'Message A', clicked: 0, delivered: 200 },
        { label: 'Message B', clicked: 0, delivered: 200 },
      ],
    });
    expect(verdict.kind).toBe('no-difference');
  });
});
