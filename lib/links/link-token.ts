import { createHmac, timingSafeEqual } from 'node:crypto';
import { linkSigningKeys } from './signing-keys';

// A token is <link id, base 36>.<expiry day, base 36><key id><MAC>: no personal data,
// not guessable, and a tampered or expired token is refused before any database read.
const MAC_CHARS = 16;
const DAY_MS = 86_400_000;

function mac(secret: string, payload: string): string {
  return createHmac('sha256', secret).update(payload).digest('base64url').slice(0, MAC_CHARS);
}

export function signLinkToken(linkId: bigint, expiresAt: Date): string {
  const [key] = linkSigningKeys();
  const payload = `${linkId.toString(36)}.${Math.ceil(expiresAt.getTime() / DAY_MS).toString(36)}`;
  return `${payload}${key.kid}${mac(key.secret, `${payload}${key.kid}`)}`;
}

export type TokenCheck = { ok: true; linkId: bigint } | { ok: false; reason: 'malformed' | 'tampered' | 'expired' };

export function verifyLinkToken(token: string, now = Date.now()): TokenCheck {
  const match = /^([0-9a-z]{1,13})\.([0-9a-z]{1,8})([0-9a-z])([A-Za-z0-9_-]{16})$/i.exec(token);
  if (!match) return { ok: false, reason: 'malformed' };
  const [, id36, day36, kid, given] = match;
  const key = linkSigningKeys().find((k) => k.kid === kid);
  if (!key) return { ok: false, reason: 'tampered' };
  const expected = mac(key.secret, `${id36}.${day36}${kid}`);
  if (!timingSafeEqual(Buffer.from(given), Buffer.from(expected))) return { ok: false, reason: 'tampered' };
  if (parseInt(day36, 36) * DAY_MS < now) return { ok: false, reason: 'expired' };
  let linkId = 0n;
  for (const ch of id36.toLowerCase()) linkId = linkId * 36n + BigInt(parseInt(ch, 36));
  return { ok: true, linkId };
}
