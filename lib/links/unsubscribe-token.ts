import { createHmac, timingSafeEqual } from 'node:crypto';
import { linkSigningKeys } from './signing-keys';

// The web unsubscribe link names a send job, not a person: <job id, base 36><key id><MAC>.
// It never expires, because the right to opt out does not, and it needs no
// database row, so every message can carry one for free.
const MAC_CHARS = 16;

function mac(secret: string, payload: string): string {
  return createHmac('sha256', secret).update(`unsubscribe:${payload}`).digest('base64url').slice(0, MAC_CHARS);
}

export function signUnsubscribeToken(sendJobId: bigint): string {
  const [key] = linkSigningKeys();
  const payload = `${sendJobId.toString(36)}${key.kid}`;
  return `${payload}${mac(key.secret, payload)}`;
}

export function verifyUnsubscribeToken(token: string): bigint | null {
  const match = /^([0-9a-z]{1,13})([0-9A-Za-z])([A-Za-z0-9_-]{16})$/.exec(token);
  if (!match) return null;
  const [, id36, kid, given] = match;
  const key = linkSigningKeys().find((k) => k.kid === kid);
  if (!key) return null;
  if (!timingSafeEqual(Buffer.from(given), Buffer.from(mac(key.secret, `${id36}${kid}`)))) return null;
  let id = 0n;
  for (const ch of id36) id = id * 36n + BigInt(parseInt(ch, 36));
  return id;
}
