import { formatCount } from '../format/number';

/**
 * The longest value a contact keeps per field, in characters. A longer value is
 * almost always a column mapped to the wrong field, and some would stop the commit:
 * an entry of the tags index holds at most 2,712 bytes.
 */
export const VALUE_LIMITS = {
  // Names are merged into 160-character messages.
  name: 100,
  // The longest address SMTP carries (RFC 5321).
  email: 254,
  // Campaign audiences and the contact filter name tags of up to 60 characters.
  tag: 60,
  // Merging tags into an existing contact compares every pair, so thousands would stall the commit.
  tags: 50,
  // As long as the consent source the mapping form accepts.
  consentSource: 200,
  state: 50,
  postcode: 20,
  customField: 500,
} as const;

const NUL = '\u0000';

/** Why a value cannot be saved (PostgreSQL refuses it, or it is longer than the field keeps); null when it can. */
export function unstorableReason(label: string, value: string, limit: number): string | null {
  if (value.includes(NUL))
    return `${label} contains an invisible NUL character (shown as ␀), which cannot be saved. Remove it from the file and import this row again.`;
  if (value.length > limit)
    return `${label} is ${formatCount(value.length)} characters long; at most ${limit} can be saved.`;
  return null;
}

/** For zod: text typed into the import screens is written to the database, which refuses NUL. */
export function hasNoNul(value: string): boolean {
  return !value.includes(NUL);
}

/**
 * Text from the file as it can be stored and shown: PostgreSQL's text and jsonb
 * refuse NUL, so it becomes the visible symbol for it.
 */
export function storableText(value: string): string {
  return value.includes(NUL) ? value.replaceAll(NUL, '␀') : value;
}
