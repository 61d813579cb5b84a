import { createHash } from 'node:crypto';

/**
 * A header row reduced to what makes two files "the same columns": names in order,
 * case and surrounding spaces aside. Null for a file without a header, whose
 * columns have no names to recognise.
 */
export function headerKey(headers: readonly string[], hasHeader: boolean): string | null {
  if (!hasHeader) return null;
  return createHash('sha256')
    .update(headers.map((h) => h.trim().toLowerCase()).join('\u0001'))
    .digest('base64url');
}
