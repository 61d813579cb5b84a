import { describe, expect, it } from 'vitest';
import type { ImportedContact } from '@/lib/imports/check-row';
import { storedContactJson } from '@/lib/imports/stored-contact-json';

const bare: ImportedContact = {
  phoneE164: '+61412345678',
  firstName: null,
  lastName: null,
  email: null,
  tags: [],
  consentStatus: 'IMPLIED',
  consentSource: null,
  consentAt: null,
  timeZone: null,
  state: null,
  postcode: null,
  customFields: {},
};

const full: ImportedContact = {
  phoneE164: '+61412345678',
  firstName: 'Zoë "Zo"',
  lastName: "O'Brien\\Smith",
  email: 'zoe@example.com.au',
  tags: ['vip', 'line\nbreak', 'tab\there'],
  consentStatus: 'EXPLICIT',
  consentSource: 'in-store form',
  consentAt: '2026-11-25T00:00:00.000Z',
  timeZone: 'Australia/Perth',
  state: 'WA',
  postcode: '6000',
  customFields: { store: 'Perth CBD', 'size "US"': '10½' },
};

describe('the JSON an accepted import row keeps', () => {
  it('holds every value the contact has and leaves out the ones it lacks', () => {
    expect(JSON.parse(storedContactJson({ contact: bare, consentChanged: false }))).toEqual({
      contact: { phoneE164: '+61412345678', tags: [], consentStatus: 'IMPLIED', customFields: {} },
      consentChanged: false,
    });
  });

  it('reads back exactly as the contact with its nulls removed, quotes, backslashes and control characters included', () => {
    const withoutNulls = Object.fromEntries(Object.entries(full).filter(([, value]) => value !== null));
    expect(JSON.parse(storedContactJson({ contact: full, consentChanged: true }))).toEqual({
      contact: withoutNulls,
      consentChanged: true,
    });
  });
});
