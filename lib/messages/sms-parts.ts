/**
 * How many SMS parts a body costs, split exactly as carriers split it. Cost is
 * parts × per-part price, and this runs for every message at send time, so it
 * walks the string by code unit against a table built once and allocates only
 * the result (plus a Set when the body turns out to be UCS-2).
 */
export interface SmsPartCount {
  encoding: 'GSM-7' | 'UCS-2';
  /** Characters as a person counts them (code points, so an emoji is one). */
  characters: number;
  /** Septets for GSM-7 (extension characters count two), UTF-16 code units for UCS-2. */
  units: number;
  parts: number;
  /** Units one part can hold for this message: 160/153 (GSM-7) or 70/67 (UCS-2). */
  perPart: number;
  /** Units actually used in each part, in order. */
  partSizes: number[];
  /** Units still free in the last part before another part is needed. */
  remainingInLastPart: number;
  /** The distinct characters that force UCS-2, in order of first appearance (empty for GSM-7). */
  ucs2Characters: string[];
}

const GSM_SINGLE = 160;
const GSM_MULTI = 153;
const UCS2_SINGLE = 70;
const UCS2_MULTI = 67;

// GSM 03.38 default alphabet in table order. 0x1B is the escape to the extension
// table, not a character, so U+001B in a body cannot be sent as GSM-7.
const GSM_BASIC =
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?' +
  '¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà';
// Sent as ESC + character, hence two septets each.
const GSM_EXTENSION = '\f^{}\\[~]|€';

// Septets per UTF-16 code unit (0 = not in GSM-7). Every GSM-7 character is in the
// BMP at or below '€' (U+20AC), so a flat table indexed by code unit answers each
// character with one array read instead of a hash lookup.
const SEPTETS = buildSeptetTable();

function buildSeptetTable(): Uint8Array {
  const table = new Uint8Array(0x20ac + 1);
  for (const char of GSM_BASIC) table[char.charCodeAt(0)] = 1;
  for (const char of GSM_EXTENSION) table[char.charCodeAt(0)] = 2;
  return table;
}

function septetsOf(code: number): number {
  return code < SEPTETS.length ? SEPTETS[code] : 0;
}

export function countSmsParts(text: string): SmsPartCount {
  // Bodies are never sent empty, so an empty text is not billed; carriers would
  // charge one part for it, which would only mislead the cost estimate.
  if (text.length === 0) {
    return {
      encoding: 'GSM-7',
      characters: 0,
      units: 0,
      parts: 0,
      perPart: GSM_SINGLE,
      partSizes: [],
      remainingInLastPart: GSM_SINGLE,
      ucs2Characters: [],
    };
  }

  let septets = 0;
  let hasExtension = false;
  for (let i = 0; i < text.length; i++) {
    const cost = septetsOf(text.charCodeAt(i));
    if (cost === 0) return countUcs2(text, i);
    septets += cost;
    if (cost === 2) hasExtension = true;
  }

  const partSizes = gsmPartSizes(text, septets, hasExtension);
  const perPart = partSizes.length === 1 ? GSM_SINGLE : GSM_MULTI;
  return {
    encoding: 'GSM-7',
    // Every GSM-7 character is a single BMP code unit.
    characters: text.length,
    units: septets,
    parts: partSizes.length,
    perPart,
    partSizes,
    remainingInLastPart: perPart - partSizes[partSizes.length - 1],
    ucs2Characters: [],
  };
}

function gsmPartSizes(text: string, septets: number, hasExtension: boolean): number[] {
  if (septets <= GSM_SINGLE) return [septets];
  if (!hasExtension) {
    const sizes = new Array<number>(Math.floor(septets / GSM_MULTI)).fill(GSM_MULTI);
    if (septets % GSM_MULTI > 0) sizes.push(septets % GSM_MULTI);
    return sizes;
  }
  // Carriers keep ESC and its character in the same part: a pair that would
  // straddle the boundary starts the next part, leaving 152 septets behind.
  const sizes: number[] = [];
  let fill = 0;
  for (let i = 0; i < text.length; i++) {
    const cost = SEPTETS[text.charCodeAt(i)];
    if (fill + cost > GSM_MULTI) {
      sizes.push(fill);
      fill = 0;
    }
    fill += cost;
  }
  sizes.push(fill);
  return sizes;
}

function countUcs2(text: string, firstNonGsm: number): SmsPartCount {
  const forcing = new Set<string>();
  const multipartSizes: number[] = [];
  let characters = 0;
  let fill = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    // A lone surrogate is malformed but still costs one unit on the wire.
    const width = isHighSurrogate(code) && i + 1 < text.length && isLowSurrogate(text.charCodeAt(i + 1)) ? 2 : 1;
    characters++;
    if (i >= firstNonGsm && (width === 2 || septetsOf(code) === 0))
      forcing.add(width === 2 ? text.slice(i, i + 2) : text[i]);
    // Carriers never split a surrogate pair: half an emoji would arrive as garbage
    // in both parts, so a pair that would straddle the boundary starts the next part.
    if (fill + width > UCS2_MULTI) {
      multipartSizes.push(fill);
      fill = 0;
    }
    fill += width;
    i += width - 1;
  }
  multipartSizes.push(fill);

  const units = text.length;
  const single = units <= UCS2_SINGLE;
  const partSizes = single ? [units] : multipartSizes;
  const perPart = single ? UCS2_SINGLE : UCS2_MULTI;
  return {
    encoding: 'UCS-2',
    characters,
    units,
    parts: partSizes.length,
    perPart,
    partSizes,
    remainingInLastPart: perPart - partSizes[partSizes.length - 1],
    ucs2Characters: [...forcing],
  };
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}
