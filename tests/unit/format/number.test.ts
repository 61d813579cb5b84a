import { describe, expect, it } from 'vitest';
import { formatCount, formatPercent, formatQuantity } from '@/lib/format/number';

describe('counts, quantities and rates as the app writes them', () => {
  it('writes counts past 999 with thousands separators', () => {
    expect(formatCount(0)).toBe('0');
    expect(formatCount(999)).toBe('999');
    expect(formatCount(1000)).toBe('1,000');
    expect(formatCount(1_234_567)).toBe('1,234,567');
  });

  it('names what is counted, in the singular only for exactly one', () => {
    expect(formatQuantity(1, 'contact')).toBe('1 contact');
    expect(formatQuantity(0, 'contact')).toBe('0 contacts');
    expect(formatQuantity(12_500, 'message')).toBe('12,500 messages');
    expect(formatQuantity(2, 'reply', 'replies')).toBe('2 replies');
  });

  it('writes a share as a percentage to one decimal place, and a rate with nothing to divide by as a dash', () => {
    expect(formatPercent(0.1234)).toBe('12.3%');
    expect(formatPercent(1)).toBe('100%');
    expect(formatPercent(0)).toBe('0%');
    expect(formatPercent(null)).toBe('—');
  });
});
