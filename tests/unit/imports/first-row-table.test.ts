import { describe, expect, it } from 'vitest';
import { FirstRowTable } from '@/lib/imports/first-row-table';

describe('the first row of each number in a file', () => {
  it('remembers the row each number was first seen in, as a Map would, while it grows', () => {
    const table = new FirstRowTable(2);
    const reference = new Map<number, number>();
    for (let i = 0; i < 50_000; i += 1) {
      // Australian and international numbers, up to 15 digits, many sharing their low digits.
      const key = (i % 3 === 0 ? 61_400_000_000 : 449_000_000_000_000) + ((i * 7_919) % 20_000);
      if (table.get(key) === undefined) table.set(key, i + 2);
      if (!reference.has(key)) reference.set(key, i + 2);
    }
    for (const [key, row] of reference) expect(table.get(key)).toBe(row);
    expect(table.get(61_499_999_999)).toBeUndefined();
  });

  it('keeps the latest row given for a number', () => {
    const table = new FirstRowTable().set(61_412_345_678, 2).set(61_412_345_678, 9);
    expect(table.get(61_412_345_678)).toBe(9);
  });
});
