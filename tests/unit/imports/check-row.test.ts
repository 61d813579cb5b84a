import { describe, expect, it } from 'vitest';
import type { ColumnMapping } from '@/lib/imports/column-mapping';
import {
  checkRow,
  compareWithExisting,
  parseConsentDate,
  type ExistingContact,
  type RowContext,
} from '@/lib/imports/check-row';

const mapping: ColumnMapping = {
  fields: { phone: 0, firstName: 1, consentStatus: 2, email: 3, timeZone: 4, consentDate: 5, tags: 6 },
  custom: [{ column: 7, name: 'store' }],
  defaultConsent: null,
  consentSource: 'in-store form',
  overwriteConsent: false,
  hasHeader: true,
};

function context(overrides: Partial<RowContext> = {}): RowContext {
  return {
    mapping,
    columnCount: 8,
    seen: new Map(),
    dnc: new Set(),
    now: new Date('2026-12-01T00:00:00Z'),
    ...overrides,
  };
}

function row(
  phone: string,
  { name = 'Ann', consent = 'yes', email = '', zone = '', date = '', tags = '', store = '' } = {},
) {
  return [phone, name, consent, email, zone, date, tags, store];
}

describe('checkRow', () => {
  it('accepts a good row and reads every mapped field', () => {
    const result = checkRow(
      row('0412 345 678', {
        email: 'Ann@Example.com',
        zone: 'WA',
        date: '25/11/2026',
        tags: 'vip; newsletter;vip',
        store: 'Perth',
      }),
      2,
      context(),
    );
    expect(result).toEqual({
      ok: true,
      contact: {
        phoneE164: '+61412345678',
        firstName: 'Ann',
        lastName: null,
        email: 'ann@example.com',
        tags: ['vip', 'newsletter'],
        consentStatus: 'EXPLICIT',
        consentSource: 'in-store form',
        consentAt: '2026-11-25T00:00:00.000Z',
        timeZone: 'Australia/Perth',
        state: null,
        postcode: null,
        customFields: { store: 'Perth' },
      },
    });
  });

  it.each([
    ['invalid_phone', row('0412 345'), /^Invalid phone "0412 345"/],
    ['invalid_phone', row(''), /^No phone number/],
    ['not_mobile', row('(02) 9876 5432'), /landline and cannot receive SMS/],
    ['opted_out_in_file', row('0412 345 678', { consent: 'Unsubscribed' }), /did not consent/],
    ['missing_consent', row('0412 345 678', { consent: '' }), /^Missing consent/],
    ['unreadable_consent', row('0412 345 678', { consent: 'maybe' }), /not one we understand/],
    ['invalid_consent_date', row('0412 345 678', { date: '31/02/2026' }), /is not a date/],
    ['invalid_consent_date', row('0412 345 678', { date: '2026-02-30' }), /is not a date/],
    ['invalid_consent_date', row('0412 345 678', { date: '0000-01-01' }), /^Consent date "0000-01-01" is before 1900/],
    ['invalid_consent_date', row('0412 345 678', { date: '01/01/0099' }), /is before 1900/],
    ['invalid_consent_date', row('0412 345 678', { date: '9999-12-31' }), /is in the future/],
    ['invalid_email', row('0412 345 678', { email: 'ann@' }), /not a valid address/],
    ['invalid_time_zone', row('0412 345 678', { zone: 'Mars/Olympus' }), /Time zone "Mars\/Olympus" is unknown/],
  ])('rejects with %s and a reason a person understands', (code, cells, reason) => {
    const result = checkRow(cells, 2, context());
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.code).toBe(code);
      expect(result.reason).toMatch(reason);
    }
  });

  it.each([
    ['a NUL in a name', row('0412 345 678', { name: 'A\u0000nn' }), /^First name contains an invisible NUL character/],
    ['a NUL in a tag', row('0412 345 678', { tags: 'vip;ne\u0000w' }), /^Tag "ne␀w" contains an invisible NUL/],
    ['a NUL in a custom field', row('0412 345 678', { store: 'Per\u0000th' }), /^Custom field "store" contains/],
    ['a name too long', row('0412 345 678', { name: 'A'.repeat(101) }), /^First name is 101 characters long/],
    ['an e-mail too long', row('0412 345 678', { email: `${'a'.repeat(250)}@x.au` }), /^E-mail is 255 characters/],
    ['a tag too long', row('0412 345 678', { tags: `vip;${'t'.repeat(61)}` }), /^Tag "t{20}…" is 61 characters/],
    [
      'too many tags',
      row('0412 345 678', { tags: Array.from({ length: 51 }, (_, i) => `t${i}`).join(';') }),
      /^This row has 51 tags; a contact can have at most 50\.$/,
    ],
    ['a custom field too long', row('0412 345 678', { store: 's'.repeat(501) }), /^Custom field "store" is 501/],
  ])('rejects %s, which the commit could not save, as unstorable', (_name, cells, reason) => {
    const result = checkRow(cells, 2, context());
    expect(result).toMatchObject({ ok: false, code: 'unstorable_value', phoneE164: '+61412345678' });
    if (!result.ok) expect(result.reason).toMatch(reason);
  });

  it('accepts values at the longest a contact keeps, and a NUL in a column it does not keep', () => {
    const cells = row('0412 345 678', { name: 'A'.repeat(100), tags: 't'.repeat(60), store: 's'.repeat(500) });
    expect(checkRow([...cells, 'unmapped\u0000'], 2, context({ columnCount: 9 })).ok).toBe(true);
  });

  it('rejects a row with more filled columns than the file has as malformed', () => {
    const result = checkRow([...row('0412 345 678'), 'extra'], 5, context());
    expect(result).toMatchObject({ ok: false, code: 'malformed' });
  });

  it('tolerates trailing empty columns', () => {
    expect(checkRow([...row('0412 345 678'), '', ''], 5, context()).ok).toBe(true);
  });

  it('rejects the second row with the same number, naming the first', () => {
    const ctx = context();
    expect(checkRow(row('0412 345 678'), 2, ctx).ok).toBe(true);
    expect(checkRow(row('+61 412 345 678'), 9, ctx)).toMatchObject({
      ok: false,
      code: 'duplicate',
      reason: 'Duplicate: row 2 of this file has the same number.',
    });
  });

  it('keeps a later row with consent when an earlier row of the same number was refused for missing consent', () => {
    const ctx = context();
    expect(checkRow(row('0412 345 678', { consent: '' }), 2, ctx)).toMatchObject({
      ok: false,
      code: 'missing_consent',
    });
    expect(checkRow(row('0412 345 678', { consent: 'yes', name: 'Ann' }), 3, ctx)).toMatchObject({
      ok: true,
      contact: { firstName: 'Ann', consentStatus: 'EXPLICIT' },
    });
    expect(checkRow(row('0412 345 678'), 4, ctx)).toMatchObject({
      code: 'duplicate',
      reason: 'Duplicate: row 3 of this file has the same number.',
    });
  });

  it('rejects a number on the do-not-contact list', () => {
    expect(checkRow(row('0412 345 678'), 2, context({ dnc: new Set(['+61412345678']) }))).toMatchObject({
      ok: false,
      code: 'on_dnc',
    });
  });

  it('gives rows without consent the consent the user declared for the file', () => {
    const result = checkRow(
      row('0412 345 678', { consent: '' }),
      2,
      context({ mapping: { ...mapping, defaultConsent: 'IMPLIED' } }),
    );
    expect(result).toMatchObject({ ok: true, contact: { consentStatus: 'IMPLIED' } });
  });
});

describe('compareWithExisting', () => {
  const contact = (
    checkRow(row('0412 345 678', { consent: 'implied', tags: 'vip' }), 2, context()) as {
      ok: true;
      contact: Parameters<typeof compareWithExisting>[0];
    }
  ).contact;
  const existing: ExistingContact = {
    firstName: 'Ann',
    lastName: null,
    email: null,
    tags: ['vip'],
    consentStatus: 'IMPLIED',
    timeZone: null,
    state: null,
    postcode: null,
    customFields: {},
  };

  it('creates a contact that does not exist', () => {
    expect(compareWithExisting(contact, undefined, false)).toEqual({ decision: 'CREATE', consentChanged: true });
  });

  it('leaves an identical contact unchanged', () => {
    expect(compareWithExisting(contact, existing, false)).toEqual({ decision: 'UNCHANGED', consentChanged: false });
  });

  it('updates when the file adds a value or a tag, and empty cells never blank data', () => {
    expect(compareWithExisting({ ...contact, tags: ['vip', 'new'] }, existing, false).decision).toBe('UPDATE');
    expect(
      compareWithExisting({ ...contact, firstName: null }, { ...existing, firstName: 'Annie' }, false).decision,
    ).toBe('UNCHANGED');
  });

  it('changes existing consent only when allowed, or when there was none', () => {
    expect(compareWithExisting(contact, { ...existing, consentStatus: 'EXPLICIT' }, false)).toEqual({
      decision: 'UNCHANGED',
      consentChanged: false,
    });
    expect(compareWithExisting(contact, { ...existing, consentStatus: 'EXPLICIT' }, true)).toEqual({
      decision: 'UPDATE',
      consentChanged: true,
    });
    expect(compareWithExisting(contact, { ...existing, consentStatus: 'UNKNOWN' }, false)).toEqual({
      decision: 'UPDATE',
      consentChanged: true,
    });
  });
});

describe('parseConsentDate', () => {
  it('reads Australian day-first and ISO dates and refuses impossible ones', () => {
    expect(parseConsentDate('1/7/2026')).toBe('2026-07-01T00:00:00.000Z');
    expect(parseConsentDate('2026-07-01')).toBe('2026-07-01T00:00:00.000Z');
    expect(parseConsentDate('31/04/2026')).toBeNull();
    expect(parseConsentDate('July 1')).toBeNull();
  });

  it('reads times, with or without a zone, and refuses impossible ones', () => {
    expect(parseConsentDate('1/7/2026 9:30')).toBe('2026-07-01T09:30:00.000Z');
    expect(parseConsentDate('2026-07-01T09:30')).toBe('2026-07-01T09:30:00.000Z');
    expect(parseConsentDate('2026-07-01 09:30:15.25Z')).toBe('2026-07-01T09:30:15.250Z');
    expect(parseConsentDate('2026-07-01T09:30:00+10:00')).toBe('2026-06-30T23:30:00.000Z');
    expect(parseConsentDate('2026-07-01T09:30:00-0530')).toBe('2026-07-01T15:00:00.000Z');
    expect(parseConsentDate('2026-07-01T24:00')).toBeNull();
    expect(parseConsentDate('1/7/2026 9:75')).toBeNull();
    expect(parseConsentDate('2026-07-01T09:30+15:00')).toBeNull();
    expect(parseConsentDate('2026-07-01 and more')).toBeNull();
  });

  it('keeps the year as written, where Date would read 0099 as 1999', () => {
    expect(parseConsentDate('0000-01-01')).toBe('0000-01-01T00:00:00.000Z');
    expect(parseConsentDate('1/1/0099')).toBe('0099-01-01T00:00:00.000Z');
  });
});
