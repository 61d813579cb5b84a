import { parsePhoneNumberFromString, validatePhoneNumberLength, type CountryCode } from 'libphonenumber-js/max';

export type PhoneKind = 'mobile' | 'landline' | 'other';

export type NormalisedPhone =
  { ok: true; e164: string; kind: PhoneKind; country: string } | { ok: false; reason: string };

// Spreadsheets prefix numbers with an apostrophe or wrap them in ="…" to keep the
// leading zero; people add spaces, dots, dashes, slashes and brackets.
const DECORATION = /^[\s'"=]+|[\s'"]+$/g;
const ALLOWED = /^[\d\s+().\-/]+$/;

const LENGTH_REASONS: Record<string, string> = {
  TOO_SHORT: 'too few digits for a phone number',
  TOO_LONG: 'too many digits for a phone number',
  INVALID_COUNTRY: 'unknown country code',
  NOT_A_NUMBER: 'not a phone number',
  INVALID_LENGTH: 'wrong number of digits for a phone number',
};

// Most rows of a contact list are Australian mobiles, and a full parse costs ~25 µs.
// Whether a 9-digit national number starting with 4 is a valid mobile depends only on
// its leading digits, so the full parse runs once per prefix and is remembered.
const AU_MOBILE_SHAPE = /^(?:\+?61|0061|0)?(4\d{8})$/;
const mobilePrefixValidity = new Map<string, NormalisedPhone>();

function fastAustralianMobile(cleaned: string): NormalisedPhone | null {
  const compact = cleaned.replace(/[\s().\-/]/g, '');
  const national = AU_MOBILE_SHAPE.exec(compact)?.[1];
  if (!national) return mistypedAustralianMobile(compact);
  const prefix = national.slice(0, 5);
  let verdict = mobilePrefixValidity.get(prefix);
  if (!verdict) {
    verdict = fullParse(`+61${national}`, 'AU');
    mobilePrefixValidity.set(prefix, verdict);
  }
  return verdict.ok ? { ...verdict, e164: `+61${national}` } : verdict;
}

// A mobile written with a digit too few or too many ("0412 345 67") is the commonest
// bad number in a contact list, and a full parse finds it invalid only after ~40 µs.
// Its verdict too depends only on its leading digits and its length (every
// Australian pattern for numbers starting with 4 is a short prefix and a fixed count
// of digits), so it is remembered per prefix, length and form (0… or +61…).
const AU_MOBILE_MISTYPED = /^(?:\+61|0)(4\d{3,11})$/;
const mistypedMobileVerdicts = new Map<string, NormalisedPhone>();

// Called once AU_MOBILE_SHAPE has not matched, so a 9-digit national number never gets here.
function mistypedAustralianMobile(compact: string): NormalisedPhone | null {
  const national = AU_MOBILE_MISTYPED.exec(compact)?.[1];
  if (!national) return null;
  const key = `${compact[0]}${national.slice(0, 5)}:${national.length}`;
  const known = mistypedMobileVerdicts.get(key);
  if (known) return known;
  const verdict = fullParse(compact, 'AU');
  // Only a refusal is remembered: it carries nothing of the number itself.
  if (!verdict.ok) mistypedMobileVerdicts.set(key, verdict);
  return verdict;
}

// Pasted numbers can carry invisible characters (zero-width spaces, direction
// marks) or full-width digits from an Asian keyboard; NFKC makes those digits
// ASCII. Most input is plain ASCII, which skips the work.
function plainCharacters(input: string): string {
  return /[^\x00-\x7f]/.test(input) ? input.normalize('NFKC').replace(/[\p{Cf}\u180e]/gu, '') : input;
}

/**
 * Normalises a phone number as Australians write it to E.164 (default region AU)
 * and says whether it is a mobile. International numbers are accepted when valid.
 */
export function normalisePhone(input: string, defaultRegion: CountryCode = 'AU'): NormalisedPhone {
  const cleaned = plainCharacters(input).replace(DECORATION, '');
  if (!cleaned) return { ok: false, reason: 'no phone number' };
  if (!ALLOWED.test(cleaned)) return { ok: false, reason: 'phone number contains letters or symbols' };
  if (defaultRegion === 'AU') {
    const fast = fastAustralianMobile(cleaned);
    if (fast) return fast;
  }
  // "0061 4…" is the international form written with the 00 prefix many countries use.
  const digits = cleaned.replace(/\D/g, '');
  const international = !cleaned.startsWith('+') && /^00(?!11)[1-9]/.test(digits) ? `+${digits.slice(2)}` : cleaned;
  return fullParse(international, defaultRegion);
}

function fullParse(international: string, defaultRegion: CountryCode): NormalisedPhone {
  const lengthProblem = validatePhoneNumberLength(international, defaultRegion);
  if (lengthProblem) return { ok: false, reason: LENGTH_REASONS[lengthProblem] ?? 'not a valid phone number' };
  const parsed = parsePhoneNumberFromString(international, defaultRegion);
  if (!parsed || !parsed.isValid()) return { ok: false, reason: 'not a valid phone number' };
  const type = parsed.getType();
  const kind: PhoneKind =
    type === 'MOBILE' || type === 'FIXED_LINE_OR_MOBILE' ? 'mobile' : type === 'FIXED_LINE' ? 'landline' : 'other';
  return { ok: true, e164: parsed.number, kind, country: parsed.country ?? defaultRegion };
}
