import { z } from 'zod';
import { readConsentWord } from './consent-words';
import { hasNoNul } from '../contacts/storable-values';

/** Contact fields a column can fill. */
export const IMPORT_FIELDS = [
  'phone',
  'firstName',
  'lastName',
  'email',
  'tags',
  'consentStatus',
  'consentSource',
  'consentDate',
  'timeZone',
  'state',
  'postcode',
] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];

export const FIELD_LABELS: Record<ImportField, string> = {
  phone: 'Phone',
  firstName: 'First name',
  lastName: 'Last name',
  email: 'E-mail',
  tags: 'Tags',
  consentStatus: 'Consent status',
  consentSource: 'Consent source',
  consentDate: 'Consent date',
  timeZone: 'Time zone',
  state: 'State',
  postcode: 'Postcode',
};

const ColumnIndex = z.number().int().min(0).max(999);

export const ColumnMappingSchema = z
  .object({
    fields: z.partialRecord(z.enum(IMPORT_FIELDS), ColumnIndex),
    /** Columns kept as custom fields, under the names given. */
    custom: z
      .array(
        z.object({
          column: ColumnIndex,
          name: z
            .string()
            .trim()
            .min(1)
            .max(60)
            .refine(hasNoNul, 'A custom field name cannot contain a NUL character.'),
        }),
      )
      .max(50)
      .default([]),
    /** Consent for rows whose consent column is empty or missing; none means such rows are rejected. */
    defaultConsent: z.enum(['EXPLICIT', 'IMPLIED']).nullable().default(null),
    consentSource: z
      .string()
      .trim()
      .max(200)
      .refine(hasNoNul, 'The consent source cannot contain a NUL character.')
      .default(''),
    overwriteConsent: z.boolean().default(false),
    hasHeader: z.boolean(),
  })
  .refine((m) => m.fields.phone !== undefined, {
    message: 'Choose which column holds the phone number.',
    path: ['fields', 'phone'],
  })
  .refine((m) => m.defaultConsent !== null || m.fields.consentStatus !== undefined, {
    message: 'Choose a consent column, or say what consent every row in this file has.',
    path: ['defaultConsent'],
  });
export type ColumnMapping = z.infer<typeof ColumnMappingSchema>;

const HINTS: [ImportField, RegExp][] = [
  [
    'phone',
    /^(mobile|phone|mobile ?(phone|number|no)|phone ?(number|no)|cell|cell ?phone|msisdn|number|tel|telephone)$/i,
  ],
  ['firstName', /^(first ?name|given ?name|first|fname|forename)$/i],
  ['lastName', /^(last ?name|surname|family ?name|last|lname)$/i],
  ['email', /^(e-?mail|e-?mail ?address)$/i],
  ['tags', /^(tags?|labels?|groups?|segments?)$/i],
  [
    'consentStatus',
    /^(consent|consent ?status|opt(ed)?[- ]?in|opt(ed)?[- ]?in ?(status|to ?sms|to ?marketing)?|sms ?(consent|opt[- ]?in|ok)|marketing ?(consent|opt[- ]?in|ok)|subscribed|accepts? ?(sms|marketing))$/i,
  ],
  ['consentSource', /^(consent ?source|source|opt[- ]?in ?source|how ?consented)$/i],
  ['consentDate', /^(consent ?date|consented ?(at|on)|opt[- ]?in ?date|date ?consented)$/i],
  ['timeZone', /^(time ?zone|tz|timezone)$/i],
  ['state', /^(state|region)$/i],
  ['postcode', /^(post ?code|postal ?code|zip|zip ?code)$/i],
];

const CONSENT_WORDS_IN_HEADER = /opt|consent|subscri|marketing|sms|permission|agree/i;

/**
 * A column whose header speaks of consent in words no hint foresaw ("Happy to
 * receive SMS?") and whose values are all consent words (Yes/No/Y/true/opted in).
 */
function looksLikeConsent(
  header: string,
  preview: string[][],
  column: number,
  fields: Partial<Record<ImportField, number>>,
): boolean {
  if (Object.values(fields).includes(column) || !CONSENT_WORDS_IN_HEADER.test(header)) return false;
  const values = preview.map((row) => row[column] ?? '').filter((v) => v.trim());
  return values.length > 0 && values.every((v) => readConsentWord(v) !== null);
}

/** Matches header names to fields; a headerless file's phone column is the one full of numbers. */
export function proposeMapping(headers: string[], preview: string[][], hasHeader: boolean): ColumnMapping {
  const fields: Partial<Record<ImportField, number>> = {};
  headers.forEach((header, column) => {
    const hit = HINTS.find(([field, pattern]) => fields[field] === undefined && pattern.test(header.trim()));
    if (hit) fields[hit[0]] = column;
  });
  if (fields.phone === undefined) {
    const phoneLike = headers.findIndex(
      (_, column) => preview.length > 0 && preview.every((row) => (row[column] ?? '').replace(/\D/g, '').length >= 8),
    );
    if (phoneLike >= 0) fields.phone = phoneLike;
  }
  if (fields.consentStatus === undefined) {
    const consentColumn = headers.findIndex((header, column) => looksLikeConsent(header, preview, column, fields));
    if (consentColumn >= 0) fields.consentStatus = consentColumn;
  }
  if (fields.firstName === undefined) {
    const nameColumn = headers.findIndex((h) => /^(full ?)?name$/i.test(h.trim()));
    if (nameColumn >= 0) fields.firstName = nameColumn;
  }
  return { fields, custom: [], defaultConsent: null, consentSource: '', overwriteConsent: false, hasHeader };
}
