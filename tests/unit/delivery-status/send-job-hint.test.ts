import { describe, expect, it } from 'vitest';
import { SendJobHintSchema } from '@/lib/delivery-status/schemas';

describe('the send job a status callback names', () => {
  it('reads a job id that fits a PostgreSQL bigint', () => {
    expect(SendJobHintSchema.parse('42')).toBe(42n);
    expect(SendJobHintSchema.parse('9223372036854775807')).toBe(9223372036854775807n);
  });

  it('names no job for ids too large for a bigint, too long or not digits', () => {
    for (const hint of ['9223372036854775808', '9999999999999999999', '12345678901234567890', '-1', 'abc', null])
      expect(SendJobHintSchema.parse(hint)).toBeNull();
  });
});
