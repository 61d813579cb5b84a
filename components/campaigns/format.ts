import { EXCLUSION_LABELS } from '@/lib/audiences/audience';

// Display helpers shared by the campaign components: money is AUD, held in
// millionths of a dollar; counts and times are written the Australian way.

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

export function count(n: number): string {
  return n.toLocaleString('en-AU');
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${count(n)} ${n === 1 ? one : many}`;
}

export function percent(share: number): string {
  return `${(share * 100).toLocaleString('en-AU', { maximumFractionDigits: 1 })}%`;
}

/** An instant as a person in the workspace reads it, with the zone's abbreviation (AEST, AEDT…). */
export function dateTime(iso: string, timeZone: string): string {
  return new Date(iso).toLocaleString('en-AU', {
    timeZone,
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: 'numeric',
    minute: '2-digit',
    timeZoneName: 'short',
  });
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
