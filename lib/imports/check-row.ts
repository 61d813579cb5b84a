import type { ConsentStatus } from '../generated/prisma/enums';
import { STATE_ZONES } from '../contacts/contact-time-zone';
import { normalisePhone } from '../contacts/phone';
import { isValidTimeZone } from '../time/zoned-time';
import type { ColumnMapping } from './column-mapping';

/** What an accepted row would set on its contact; empty values never blank existing data. */
export interface ImportedContact {
  phoneE164: string;
  firstName: string | null;
  lastName: string | null;
  email: string | null;
  tags: string[];
  consentStatus: ConsentStatus;
  consentSource: string | null;
  consentAt: string | null;
  timeZone: string | null;
  state: string | null;
  postcode: string | null;
  customFields: Record<string, string>;
}

export type RejectCode =
  | 'malformed'
  | 'invalid_phone'
  | 'not_mobile'
  | 'duplicate'
  | 'on_dnc'
  | 'opted_out_in_file'
  | 'missing_consent'
  | 'unreadable_consent'
  | 'invalid_consent_date'
  | 'invalid_email'
  | 'invalid_time_zone';

export type RowCheck =
  { ok: true; contact: ImportedContact } | { ok: false; code: RejectCode; reason: string; phoneE164: string | null };

export interface RowContext {
  mapping: ColumnMapping;
  /** Columns in the header (or the first row): a row with more filled cells is malformed. */
  columnCount: number;
  /** E.164 digits as a number (compact for a million rows) → the row that first used it. */
  seen: Map<number, number>;
  /** Numbers on the tenant's do-not-contact list, or opted out. */
  dnc: Set<string>;
}

const YES = new Set([
  'explicit',
  'express',
  'yes',
  'y',
  'true',
  '1',
  'opted in',
  'opt in',
  'opt-in',
  'optin',
  'subscribed',
  'granted',
  'agreed',
]);
const IMPLIED = new Set(['implied', 'inferred', 'existing customer']);
const NO = new Set([
  'no',
  'n',
  'false',
  '0',
  'opted out',
  'opt out',
  'opt-out',
  'optout',
  'unsubscribed',
  'stop',
  'declined',
  'withdrawn',
  'refused',
]);
const UNKNOWN = new Set(['', 'unknown', 'n/a', 'na', '-', 'none']);

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

function cell(cells: string[], column: number | undefined): string {
  return column === undefined ? '' : (cells[column] ?? '').trim();
}

function reject(code: RejectCode, reason: string, phoneE164: string | null = null): RowCheck {
  return { ok: false, code, reason, phoneE164 };
}

/** Accepts ISO dates and Australian day-first dates (25/11/2026). */
export function parseConsentDate(value: string): string | null {
  const dayFirst = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?:[ T](\d{1,2}):(\d{2}))?$/.exec(value);
  if (dayFirst) {
    const [, d, m, y, hh = '0', mm = '0'] = dayFirst;
    const date = new Date(Date.UTC(Number(y), Number(m) - 1, Number(d), Number(hh), Number(mm)));
    return date.getUTCDate() === Number(d) && date.getUTCMonth() === Number(m) - 1 ? date.toISOString() : null;
  }
  if (/^\d{4}-\d{2}-\d{2}/.test(value)) {
    const date = new Date(value);
    return Number.isNaN(date.getTime()) ? null : date.toISOString();
  }
  return null;
}

/**
 * Decides one CSV row on its own merits (before looking at existing contacts):
 * the reason is written for the person running the import.
 */
export function checkRow(cells: string[], rowNumber: number, context: RowContext): RowCheck {
  const { mapping } = context;
  const filled = cells.reduce((last, value, i) => (value.trim() ? i + 1 : last), 0);
  if (filled > context.columnCount) {
    return reject(
      'malformed',
      `Malformed row: ${cells.length} columns where the file has ${context.columnCount}. Look for a stray delimiter or quote.`,
    );
  }
  const rawPhone = cell(cells, mapping.fields.phone);
  const phone = normalisePhone(rawPhone);
  if (!phone.ok)
    return reject(
      'invalid_phone',
      rawPhone ? `Invalid phone "${rawPhone}": ${phone.reason}.` : 'No phone number in this row.',
    );
  if (phone.kind !== 'mobile')
    return reject(
      'not_mobile',
      `${phone.e164} is a ${phone.kind === 'landline' ? 'landline' : 'non-mobile number'} and cannot receive SMS.`,
      phone.e164,
    );
  const key = Number(phone.e164.slice(1));
  const firstRow = context.seen.get(key);
  if (firstRow !== undefined)
    return reject('duplicate', `Duplicate: row ${firstRow} of this file has the same number.`, phone.e164);
  context.seen.set(key, rowNumber);
  if (context.dnc.has(phone.e164))
    return reject('on_dnc', 'On the do-not-contact list (opted out): it will not be imported or messaged.', phone.e164);

  const consentText = cell(cells, mapping.fields.consentStatus);
  const consentWord = consentText.toLowerCase();
  let consentStatus: ConsentStatus;
  if (YES.has(consentWord)) consentStatus = 'EXPLICIT';
  else if (IMPLIED.has(consentWord)) consentStatus = 'IMPLIED';
  else if (NO.has(consentWord))
    return reject('opted_out_in_file', `The file says this person did not consent ("${consentText}").`, phone.e164);
  else if (UNKNOWN.has(consentWord)) {
    if (!mapping.defaultConsent)
      return reject('missing_consent', 'Missing consent: no consent recorded for this person.', phone.e164);
    consentStatus = mapping.defaultConsent;
  } else
    return reject(
      'unreadable_consent',
      `Consent "${consentText}" is not one we understand (use explicit, implied, yes or no).`,
      phone.e164,
    );

  const consentDateText = cell(cells, mapping.fields.consentDate);
  const consentAt = consentDateText ? parseConsentDate(consentDateText) : null;
  if (consentDateText && !consentAt)
    return reject(
      'invalid_consent_date',
      `Consent date "${consentDateText}" is not a date (use 25/11/2026 or 2026-11-25).`,
      phone.e164,
    );

  const email = cell(cells, mapping.fields.email);
  if (email && !EMAIL.test(email))
    return reject('invalid_email', `E-mail "${email}" is not a valid address.`, phone.e164);

  const zoneText = cell(cells, mapping.fields.timeZone);
  const timeZone = zoneText ? (STATE_ZONES[zoneText.toUpperCase()] ?? zoneText) : '';
  if (timeZone && !isValidTimeZone(timeZone))
    return reject(
      'invalid_time_zone',
      `Time zone "${zoneText}" is unknown (use e.g. Australia/Perth or a state like WA).`,
      phone.e164,
    );

  const tags = [
    ...new Set(
      cell(cells, mapping.fields.tags)
        .split(/[;,|]/)
        .map((t) => t.trim())
        .filter(Boolean),
    ),
  ];
  const customFields = Object.fromEntries(
    mapping.custom.map((c) => [c.name, cell(cells, c.column)]).filter(([, v]) => v),
  );
  const orNull = (v: string) => v || null;
  return {
    ok: true,
    contact: {
      phoneE164: phone.e164,
      firstName: orNull(cell(cells, mapping.fields.firstName)),
      lastName: orNull(cell(cells, mapping.fields.lastName)),
      email: orNull(email.toLowerCase()),
      tags,
      consentStatus,
      consentSource: orNull(cell(cells, mapping.fields.consentSource) || mapping.consentSource),
      consentAt,
      timeZone: orNull(timeZone),
      state: orNull(cell(cells, mapping.fields.state).toUpperCase()),
      postcode: orNull(cell(cells, mapping.fields.postcode)),
      customFields,
    },
  };
}

export interface ExistingContact {
  firstName: string | null;
  lastName: string | null;
  email: string | null;
  tags: string[];
  consentStatus: ConsentStatus;
  timeZone: string | null;
  state: string | null;
  postcode: string | null;
  customFields: Record<string, unknown>;
}

/**
 * Whether an accepted row creates, changes or leaves a contact alone. Imported
 * consent replaces existing consent only when the user allowed it, or when the
 * contact had none; opted-out numbers never get here (they are on DNC).
 */
export function compareWithExisting(
  contact: ImportedContact,
  existing: ExistingContact | undefined,
  overwriteConsent: boolean,
): { decision: 'CREATE' | 'UPDATE' | 'UNCHANGED'; consentChanged: boolean } {
  if (!existing) return { decision: 'CREATE', consentChanged: true };
  const consentChanged =
    contact.consentStatus !== existing.consentStatus && (overwriteConsent || existing.consentStatus === 'UNKNOWN');
  const scalarChanged = (['firstName', 'lastName', 'email', 'timeZone', 'state', 'postcode'] as const).some(
    (f) => contact[f] !== null && contact[f] !== existing[f],
  );
  const tagsAdded = contact.tags.some((t) => !existing.tags.includes(t));
  const customChanged = Object.entries(contact.customFields).some(([k, v]) => existing.customFields[k] !== v);
  return {
    decision: consentChanged || scalarChanged || tagsAdded || customChanged ? 'UPDATE' : 'UNCHANGED',
    consentChanged,
  };
}
