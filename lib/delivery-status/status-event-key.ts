import { createHash } from 'node:crypto';

/**
 * What makes a status callback one event: its form fields exactly as Twilio's
 * signature covers them (names sorted, each name and value run together). Twilio's
 * I-Twilio-Idempotency-Token is not signed, so anyone holding a signed body could
 * replay it under a fresh one; this key is the same for every copy of a signed
 * body, including one re-cut across name and value boundaries, which the signature
 * cannot tell apart. The URL is left out: the signature already pins it, and Twilio
 * accepts several spellings of it (with or without the port).
 */
export function statusEventKey(signedParams: Record<string, string>): string {
  const signed = Object.keys(signedParams)
    .sort()
    .map((name) => name + signedParams[name])
    .join('');
  return `status:${createHash('sha256').update(signed, 'utf8').digest('base64url')}`;
}
