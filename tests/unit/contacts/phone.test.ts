import { describe, expect, it } from 'vitest';
import { normalisePhone } from '@/lib/contacts/phone';

describe('normalisePhone', () => {
  it.each([
    ['0412 345 678', '+61412345678'],
    ['0412345678', '+61412345678'],
    ['0412-345-678', '+61412345678'],
    ['0412.345.678', '+61412345678'],
    ['(04) 1234 5678', '+61412345678'],
    ['+61 412 345 678', '+61412345678'],
    ['+61412345678', '+61412345678'],
    ['+61 (0) 412 345 678', '+61412345678'],
    ['61 412 345 678', '+61412345678'],
    ['61412345678', '+61412345678'],
    ['0061 412 345 678', '+61412345678'],
    ['0011 61 412 345 678', '+61412345678'],
    ["'0412 345 678", '+61412345678'],
    ['="0412345678"', '+61412345678'],
    ['  0412 345 678  ', '+61412345678'],
    ['412 345 678', '+61412345678'],
    ['0499 999 999', '+61499999999'],
  ])('reads the Australian mobile %s as %s', (input, e164) => {
    expect(normalisePhone(input)).toEqual({ ok: true, e164, kind: 'mobile', country: 'AU' });
  });

  it.each([
    ['(02) 9876 5432', '+61298765432'],
    ['03 9123 4567', '+61391234567'],
    ['+61 8 8123 4567', '+61881234567'],
  ])('recognises %s as a landline', (input, e164) => {
    expect(normalisePhone(input)).toMatchObject({ ok: true, e164, kind: 'landline' });
  });

  it.each([
    ['+64 21 123 4567', '+64211234567', 'NZ'],
    ['+44 7400 123456', '+447400123456', 'GB'],
    ['+1 415 555 2671', '+14155552671', 'US'],
  ])('accepts the international number %s', (input, e164, country) => {
    expect(normalisePhone(input)).toMatchObject({ ok: true, e164, kind: 'mobile', country });
  });

  it.each([
    ['', 'no phone number'],
    ["'", 'no phone number'],
    ['0412 345 67', 'not a valid phone number'],
    ['0412 345 6789', 'not a valid phone number'],
    ['12', 'too few digits for a phone number'],
    ['0412 ABC 678', 'phone number contains letters or symbols'],
    ['0412345678x', 'phone number contains letters or symbols'],
    ['n/a', 'phone number contains letters or symbols'],
    ['0000 000 000', 'not a valid phone number'],
    ['+999 412 345 678', 'unknown country code'],
  ])('rejects %j: %s', (input, reason) => {
    expect(normalisePhone(input)).toEqual({ ok: false, reason });
  });
});

describe('normalisePhone on Australian mobiles', () => {
  it('agrees with a full parse for every mobile prefix', async () => {
    const { parsePhoneNumberFromString } = await import('libphonenumber-js/max');
    for (let prefix = 0; prefix < 10000; prefix += 1) {
      const national = `4${String(prefix).padStart(4, '0')}${String((prefix * 7919) % 10000).padStart(4, '0')}`;
      const parsed = parsePhoneNumberFromString(`+61${national}`);
      const expected = parsed?.isValid()
        ? {
            ok: true,
            e164: `+61${national}`,
            kind: parsed.getType() === 'MOBILE' ? 'mobile' : parsed.getType() === 'FIXED_LINE' ? 'landline' : 'other',
            country: 'AU',
          }
        : { ok: false };
      const actual = normalisePhone(`0${national}`);
      expect(actual.ok ? actual : { ok: false }, national).toEqual(expected);
    }
  });

  it('agrees with a full parse for mobiles with too few or too many digits', async () => {
    const { parsePhoneNumberFromString, validatePhoneNumberLength } = await import('libphonenumber-js/max');
    const lengthReasons: Record<string, string> = {
      TOO_SHORT: 'too few digits for a phone number',
      TOO_LONG: 'too many digits for a phone number',
      INVALID_LENGTH: 'wrong number of digits for a phone number',
    };
    for (let prefix = 0; prefix < 1000; prefix += 1) {
      for (const length of [4, 5, 6, 7, 8, 10, 11, 12]) {
        // Two numbers per prefix and length, so the second is answered from what the first taught.
        for (const tail of [prefix * 7919, prefix * 104729 + 1]) {
          const national = `4${String(prefix).padStart(3, '0')}${String(tail).padStart(12, '0')}`.slice(0, length);
          for (const written of [`0${national}`, `+61 ${national}`]) {
            const lengthProblem = validatePhoneNumberLength(written, 'AU');
            const expected = lengthProblem
              ? { ok: false, reason: lengthReasons[lengthProblem] }
              : parsePhoneNumberFromString(written, 'AU')?.isValid()
                ? { ok: true }
                : { ok: false, reason: 'not a valid phone number' };
            const actual = normalisePhone(written);
            expect(actual.ok ? { ok: true } : actual, written).toEqual(expected);
          }
        }
      }
    }
  });

  it.each([
    ['0412\u200b345\u200b678', 'a zero-width space'],
    ['\u202a0412 345 678\u202c', 'direction marks'],
    ['\ufeff+61 412 345 678', 'a byte-order mark'],
    ['０４１２ ３４５ ６７８', 'full-width digits'],
    ['0412\u00a0345\u00a0678', 'non-breaking spaces'],
  ])('reads %j, written with %s, as the number it shows', (input) => {
    expect(normalisePhone(input)).toMatchObject({ ok: true, e164: '+61412345678', kind: 'mobile' });
  });
});
