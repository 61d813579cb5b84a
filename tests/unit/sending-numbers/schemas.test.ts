import { describe, expect, it } from 'vitest';
import type { ZodType } from 'zod';
import { CreateSendingNumberSchema, UpdateSendingNumberSchema } from '@/lib/sending-numbers/schemas';

function messages(input: unknown, schema: ZodType = CreateSendingNumberSchema): string[] {
  const result = schema.safeParse(input);
  return result.success ? [] : result.error.issues.map((i) => i.message);
}

describe('sending number input', () => {
  it('normalises a long code written the Australian way to E.164', () => {
    expect(CreateSendingNumberSchema.parse({ kind: 'LONG_CODE', value: '0412 345 678' })).toEqual({
      kind: 'LONG_CODE',
      value: '+61412345678',
    });
    expect(CreateSendingNumberSchema.parse({ kind: 'LONG_CODE', value: '+61 412 345 678' }).value).toBe('+61412345678');
  });

  it('accepts sender IDs of 2 to 11 printable ASCII characters with at least one non-digit, unchanged', () => {
    for (const value of ['A1', 'Acme Co', 'Shop-24/7', 'ACMEPLUMBIN', 'Bob_s Cafe']) {
      expect(CreateSendingNumberSchema.parse({ kind: 'ALPHANUMERIC', value }).value).toBe(value);
    }
  });

  it('reports every sender ID rule a value breaks, each in its own words', () => {
    expect(messages({ kind: 'ALPHANUMERIC', value: 'X' })).toEqual(['A sender ID needs at least 2 characters.']);
    expect(messages({ kind: 'ALPHANUMERIC', value: '0412345678' })).toEqual([
      expect.stringContaining('cannot be only digits'),
    ]);
    expect(messages({ kind: 'ALPHANUMERIC', value: 'Acme Co ' })).toEqual([
      'A sender ID cannot start or end with a space.',
    ]);
    expect(messages({ kind: 'ALPHANUMERIC', value: 'Acme_' })).toEqual([
      'A sender ID cannot start or end with an underscore.',
    ]);
    expect(messages({ kind: 'ALPHANUMERIC', value: 'Acme\tCo' })).toEqual([
      expect.stringContaining('only printable ASCII'),
    ]);
    expect(messages({ kind: 'ALPHANUMERIC', value: '_Crème Brûlée' })).toEqual([
      'A sender ID can have at most 11 characters; this one has 13.',
      expect.stringMatching(/only printable ASCII.*"è", "û", "é"/),
      'A sender ID cannot start or end with an underscore.',
    ]);
  });

  it('says why a long code is not a phone number', () => {
    expect(messages({ kind: 'LONG_CODE', value: '0412 345' })).toEqual([
      expect.stringContaining('is not a usable long code'),
    ]);
    expect(messages({ kind: 'LONG_CODE', value: 'ACME' })).toEqual([expect.stringContaining('contains letters')]);
  });

  it('refuses a landline or a service number as a long code, since only a mobile can send SMS', () => {
    expect(messages({ kind: 'LONG_CODE', value: '02 9374 4000' })).toEqual([
      '+61293744000 is a landline, and only a mobile number can send and receive SMS. Use the mobile number (04…) your Twilio account rents.',
    ]);
    expect(messages({ kind: 'LONG_CODE', value: '1300 655 506' })).toEqual([
      expect.stringContaining('is not a mobile number, and only a mobile number can send'),
    ]);
    expect(CreateSendingNumberSchema.parse({ kind: 'LONG_CODE', value: '+64 21 123 4567' }).value).toBe('+64211234567');
  });

  it('refuses an unknown kind, a malformed messaging service SID and a daily cap out of range', () => {
    expect(messages({ kind: 'SHORT_CODE', value: 'Acme' })).toEqual([
      expect.stringContaining('Kind must be LONG_CODE'),
    ]);
    expect(messages({ kind: 'ALPHANUMERIC', value: 'Acme', messagingServiceSid: 'MG123', dailyCap: 100_001 })).toEqual([
      expect.stringContaining('"MG" followed by 32'),
      'The daily cap can be at most 100,000 messages a day.',
    ]);
    expect(
      messages({ kind: 'ALPHANUMERIC', value: 'Acme', messagingServiceSid: `MG${'a'.repeat(32)}`, dailyCap: 1 }),
    ).toEqual([]);
  });

  it('updates only known fields, lets the messaging service be cleared, and needs at least one change', () => {
    expect(UpdateSendingNumberSchema.parse({ messagingServiceSid: null, active: false })).toEqual({
      messagingServiceSid: null,
      active: false,
    });
    expect(messages({ value: 'Other' }, UpdateSendingNumberSchema)).toContainEqual(
      expect.stringMatching(/unrecognized key/i),
    );
    expect(messages({}, UpdateSendingNumberSchema)).toEqual([expect.stringContaining('Nothing to change')]);
  });
});
