/**
 * How many SMS parts a body costs, split as Twilio splits it: a part never ends
 * inside a character as a person sees it. Cost is parts × per-part price, and this
 * runs for every message at send time, so a GSM-7 body (the usual case) is walked
 * by code unit against a table built once; only a UCS-2 body is split into grapheme
 * clusters (Intl.Segmenter), since only there can one character span several units.
 */
export interface SmsPartCount {
  encoding: 'GSM-7' | 'UCS-2';
  /** Characters as a person counts them: grapheme clusters, so a flag, a skin-toned emoji or a family is one. */
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
  /** The distinct characters (grapheme clusters) that force UCS-2, in order of first appearance (empty for GSM-7). */
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

const CR = 0x0d;
const LF = 0x0a;

const graphemes = new Intl.Segmenter('en', { granularity: 'grapheme' });

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
  let lineBreakPairs = 0;
  let hasPairs = false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const cost = septetsOf(code);
    if (cost === 0) return countUcs2(text);
    septets += cost;
    if (cost === 2) hasPairs = true;
    if (code === CR && text.charCodeAt(i + 1) === LF) {
      lineBreakPairs++;
      hasPairs = true;
    }
  }

  const partSizes = gsmPartSizes(text, septets, hasPairs);
  const perPart = partSizes.length === 1 ? GSM_SINGLE : GSM_MULTI;
  return {
    encoding: 'GSM-7',
    // Every GSM-7 character is one code unit and its own grapheme, except CR LF, which is one.
    characters: text.length - lineBreakPairs,
    units: septets,
    parts: partSizes.length,
    perPart,
    partSizes,
    remainingInLastPart: perPart - partSizes[partSizes.length - 1],
    ucs2Characters: [],
  };
}

/** Fills parts in order with units that may not be split, starting a new part when the next does not fit. */
function fillParts(widths: Iterable<number>, capacity: number): number[] {
  const sizes: number[] = [];
  let fill = 0;
  for (const width of widths) {
    if (fill + width > capacity && fill > 0) {
      sizes.push(fill);
      fill = 0;
    }
    fill += width;
  }
  sizes.push(fill);
  return sizes;
}

function gsmPartSizes(text: string, septets: number, hasPairs: boolean): number[] {
  if (septets <= GSM_SINGLE) return [septets];
  if (!hasPairs) {
    const sizes = new Array<number>(Math.floor(septets / GSM_MULTI)).fill(GSM_MULTI);
    if (septets % GSM_MULTI > 0) sizes.push(septets % GSM_MULTI);
    return sizes;
  }
  // ESC and its character stay in one part, and so does CR LF (one grapheme): a pair
  // that would straddle the boundary starts the next part, leaving 152 septets behind.
  return fillParts(gsmUnits(text), GSM_MULTI);
}

function* gsmUnits(text: string): Generator<number> {
  for (let i = 0; i < text.length; i++) {
    if (text.charCodeAt(i) === CR && text.charCodeAt(i + 1) === LF) {
      i++;
      yield 2;
    } else yield SEPTETS[text.charCodeAt(i)];
  }
}

/**
 * A grapheme cluster stays whole in one part: a flag, a skin tone or a family split
 * across parts arrives as two wrong symbols. Only a cluster longer than a whole part
 * (a letter under dozens of combining marks) is split, by code point, so a surrogate
 * pair is still never cut in half.
 */
function* ucs2Units(clusters: readonly string[]): Generator<number> {
  for (const cluster of clusters) {
    if (cluster.length <= UCS2_MULTI) yield cluster.length;
    else for (const codePoint of cluster) yield codePoint.length;
  }
}

function forcesUcs2(cluster: string): boolean {
  for (let i = 0; i < cluster.length; i++) if (septetsOf(cluster.charCodeAt(i)) === 0) return true;
  return false;
}

function countUcs2(text: string): SmsPartCount {
  const clusters = Array.from(graphemes.segment(text), (s) => s.segment);
  const forcing = new Set<string>();
  for (const cluster of clusters) if (forcesUcs2(cluster)) forcing.add(cluster);

  const units = text.length;
  const single = units <= UCS2_SINGLE;
  const partSizes = single ? [units] : fillParts(ucs2Units(clusters), UCS2_MULTI);
  const perPart = single ? UCS2_SINGLE : UCS2_MULTI;
  return {
    encoding: 'UCS-2',
    characters: clusters.length,
    units,
    parts: partSizes.length,
    perPart,
    partSizes,
    remainingInLastPart: perPart - partSizes[partSizes.length - 1],
    ucs2Characters: [...forcing],
  };
}
