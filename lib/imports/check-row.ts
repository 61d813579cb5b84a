import type { ConsentStatus } from '../generated/prisma/enums';
import { readConsentWord } from './consent-words';
import type { RejectCode } from './reject-reasons';
import { STATE_ZONES } from '../contacts/contact-time-zone';
import { normalisePhone } from '../contacts/phone';
import { isValidTimeZone } from '../time/zoned-time';
import { FIELD_LABELS, type ColumnMapping } from './column-mapping';
import { VALUE_LIMITS, storableText, unstorableReason } from '../contacts/storable-values';

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

export type RowCheck =
  { ok: true; contact: ImportedContact } | { ok: false; code: RejectCode; reason: string; phoneE164: string | null };

export interface RowContext {
  mapping: ColumnMapping;
  /** Columns in the header (or the first row): a row with more filled cells is malformed. */
  columnCount: number;
  /** E.164 digits as a number (compact for a million rows) → the row that first used it. */
  seen: { get(key: number): number | undefined; set(key: number, row: number): unknown };
  /** Numbers on the tenant's do-not-contact list, or opted out. */
  dnc: Set<string>;
  /** When the dry run runs: consent cannot be dated after it. */
  now: Date;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

function cell(cells: string[], column: number | undefined): string {
  return column === undefined ? '' : (cells[column] ?? '').trim();
}

function orNull(value: string): string | null {
  return value || null;
}

const TAG_SEPARATOR = /[;,|]/;

// It runs for every row with tags, so it loops rather than build a list per step.
function tagsOf(text: string): string[] {
  const tags = new Set<string>();
  for (const part of text.split(TAG_SEPARATOR)) {
    const tag = part.trim();
    if (tag) tags.add(tag);
  }
  return [...tags];
}

function reject(code: RejectCode, reason: string, phoneE164: string | null = null): RowCheck {
  return { ok: false, code, reason, phoneE164 };
}

const DAY_FIRST_DATE = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;
const ISO_DATE =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3})\d*)?)?(Z|[+-]\d{2}:?\d{2})?)?$/i;

// Every part must be in range: Date would otherwise read 30 February as 2 March and
// the years 0000–0099 as 1900–1999.
function instant(parts: { year: number; month: number; day: number; hour: number; minute: number; second: number }) {
  const { year, month, day, hour, minute, second } = parts;
  if (month < 1 || month > 12 || day < 1 || hour > 23 || minute > 59 || second > 59) return null;
  const date = new Date(Date.UTC(2000, 0, 1, hour, minute, second));
  date.setUTCFullYear(year, month - 1, day);
  return date.getUTCMonth() === month - 1 && date.getUTCDate() === day ? date : null;
}

function offsetMinutes(zone: string | undefined): number | null {
  if (!zone || zone.toUpperCase() === 'Z') return 0;
  const [, sign, hours, minutes] = /^([+-])(\d{2}):?(\d{2})$/.exec(zone) ?? [];
  if (Number(hours) > 14 || Number(minutes) > 59) return null;
  return (sign === '-' ? -1 : 1) * (Number(hours) * 60 + Number(minutes));
}

/**
 * Accepts ISO dates and Australian day-first dates (25/11/2026), with an optional
 * time; a time without a zone is read as UTC. Returns null for anything else.
 */
export function parseConsentDate(value: string): string | null {
  const dayFirst = DAY_FIRST_DATE.exec(value);
  if (dayFirst) {
    const [, d, m, y, hh = '0', mm = '0', ss = '0'] = dayFirst;
    const date = instant({ year: +y, month: +m, day: +d, hour: +hh, minute: +mm, second: +ss });
    return date ? date.toISOString() : null;
  }
  const iso = ISO_DATE.exec(value);
  if (!iso) return null;
  const [, y, m, d, hh = '0', mm = '0', ss = '0', fraction = '0', zone] = iso;
  const date = instant({ year: +y, month: +m, day: +d, hour: +hh, minute: +mm, second: +ss });
  const offset = offsetMinutes(zone);
  if (!date || offset === null) return null;
  return new Date(date.getTime() + Number(fraction.padEnd(3, '0')) - offset * 60_000).toISOString();
}

const EARLIEST_CONSENT = Date.UTC(1900, 0, 1);
// A date written in Australia can be up to a day ahead of the server's UTC clock.
const ZONE_LEAD_MS = 24 * 60 * 60 * 1000;

function consentDateProblem(text: string, consentAt: string | null, now: Date): string | null {
  if (!consentAt) return `Consent date "${text}" is not a date (use 25/11/2026 or 2026-11-25).`;
  const at = Date.parse(consentAt);
  if (at < EARLIEST_CONSENT)
    return `Consent date "${text}" is before 1900, so it cannot be when this person consented.`;
  if (at > now.getTime() + ZONE_LEAD_MS)
    return `Consent date "${text}" is in the future, so it cannot be when this person consented.`;
  return null;
}

const LIMITED_FIELDS = [
  ['firstName', VALUE_LIMITS.name],
  ['lastName', VALUE_LIMITS.name],
  ['email', VALUE_LIMITS.email],
  ['consentSource', VALUE_LIMITS.consentSource],
  ['state', VALUE_LIMITS.state],
  ['postcode', VALUE_LIMITS.postcode],
] as const;

/**
 * The first value of an accepted row the commit could not save as it is, and why.
 * It runs for every accepted row of a file, so it walks the values without building lists of them.
 */
function unstorableValue(contact: ImportedContact): string | null {
  if (contact.tags.length > VALUE_LIMITS.tags)
    return `This row has ${contact.tags.length} tags; a contact can have at most ${VALUE_LIMITS.tags}.`;
  for (const [field, limit] of LIMITED_FIELDS) {
    const value = contact[field];
    const reason = value === null ? null : unstorableReason(FIELD_LABELS[field], value, limit);
    if (reason) return reason;
  }
  for (const tag of contact.tags) {
    const label = `Tag "${storableText(tag.slice(0, 20))}${tag.length > 20 ? '…' : ''}"`;
    const reason = unstorableReason(label, tag, VALUE_LIMITS.tag);
    if (reason) return reason;
  }
  for (const [name, value] of Object.entries(contact.customFields)) {
    const reason = unstorableReason(`Custom field "${name}"`, value, VALUE_LIMITS.customField);
    if (reason) return reason;
  }
  return null;
}

/**
 * Decides one CSV row on its own merits (before looking at existing contacts):
 * the reason is written for the person running the import.
 */
export function checkRow(cells: string[], rowNumber: number, context: RowContext): RowCheck {
  const { mapping } = context;
  // Only a row longer than the header can have too many filled cells.
  const filled =
    cells.length > context.columnCount ? cells.reduce((last, value, i) => (value.trim() ? i + 1 : last), 0) : 0;
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
  if (context.dnc.has(phone.e164))
    return reject('on_dnc', 'On the do-not-contact list (opted out): it will not be imported or messaged.', phone.e164);

  const consentText = cell(cells, mapping.fields.consentStatus);
  const consentWord = readConsentWord(consentText);
  let consentStatus: ConsentStatus;
  if (consentWord === 'EXPLICIT') consentStatus = 'EXPLICIT';
  else if (consentWord === 'IMPLIED') consentStatus = 'IMPLIED';
  else if (consentWord === 'NO')
    return reject('opted_out_in_file', `The file says this person did not consent ("${consentText}").`, phone.e164);
  else if (consentWord === 'UNKNOWN') {
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
  const dateProblem = consentDateText ? consentDateProblem(consentDateText, consentAt, context.now) : null;
  if (dateProblem) return reject('invalid_consent_date', dateProblem, phone.e164);

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

  const tagText = cell(cells, mapping.fields.tags);
  const tags = tagText ? tagsOf(tagText) : [];
  const customFields: Record<string, string> = mapping.custom.length
    ? Object.fromEntries(mapping.custom.map((c) => [c.name, cell(cells, c.column)]).filter(([, v]) => v))
    : {};
  const contact: ImportedContact = {
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
  };
  const unstorable = unstorableValue(contact);
  if (unstorable) return reject('unstorable_value', unstorable, phone.e164);
  // Last, so a row refused for its own reason (no consent, say) never keeps a later,
  // good row of the same number out: the first acceptable row is the one kept.
  const key = Number(phone.e164.slice(1));
  const firstRow = context.seen.get(key);
  if (firstRow !== undefined)
    return reject('duplicate', `Duplicate: row ${firstRow} of this file has the same number.`, phone.e164);
  context.seen.set(key, rowNumber);
  return { ok: true, contact };
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
