import { EXCLUSION_LABELS } from '@/lib/audiences/audience';

// Display helpers shared by the campaign components: money is AUD, held in
// millionths of a dollar. Counts and times come from lib/format, as everywhere.

const WHOLE_CENTS = new Intl.NumberFormat('en-AU', { style: 'currency', currency: 'AUD' });
const FINE = new Intl.NumberFormat('en-AU', {
  style: 'currency',
  currency: 'AUD',
  minimumFractionDigits: 2,
  maximumFractionDigits: 4,
});

export function dollars(micros: number, { fine = false }: { fine?: boolean } = {}): string {
  return (fine ? FINE : WHOLE_CENTS).format(micros / 1_000_000);
}

/**
 * A character forcing UCS-2 as the editor names it: the glyph and its code points,
 * since some are invisible and one glyph can be several (a flag, an accent added to a letter).
 */
export function characterName(char: string): string {
  const hex = Array.from(char, (c) => `U+${(c.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`).join(
    ' ',
  );
  return /\s|[\u200B-\u200D\u2060\uFEFF]/.test(char) && !/\p{Extended_Pictographic}/u.test(char)
    ? hex
    : `“${char}” (${hex})`;
}

/** A reason a contact is left out, in words; reasons the gates add later are shown as they come. */
export function exclusionLabel(reason: string): string {
  return (EXCLUSION_LABELS as Record<string, string>)[reason] ?? reason.replace(/_/g, ' ');
}
