import { isIP } from 'node:net';
import { env } from '@/lib/env';

/** What `clientIp` answers when no source it trusts names the caller. */
const UNKNOWN_CLIENT = 'unknown';

/** Vercel's edge sets these itself, replacing whatever the client sent. */
function platformAddress(req: Request): string | undefined {
  return req.headers.get('x-vercel-forwarded-for')?.split(',')[0] ?? req.headers.get('x-real-ip') ?? undefined;
}

/**
 * Each trusted proxy appends the address it was reached from, so the caller is
 * `hops` entries from the right; anything further left was written by the caller.
 */
function forwardedAddress(req: Request, hops: number): string | undefined {
  if (hops === 0) return undefined;
  const chain = req.headers.get('x-forwarded-for')?.split(',') ?? [];
  return chain.length >= hops ? chain[chain.length - hops] : undefined;
}

/**
 * The caller's address, taken only from a source the caller cannot write: on Vercel
 * the platform's header, elsewhere X-Forwarded-For as far as TRUSTED_PROXY_HOPS of
 * our own proxies vouch for it. Next.js gives route handlers no socket address, so
 * without either every caller is UNKNOWN_CLIENT, and shares its per-address limits.
 */
export function clientIp(req: Request): string {
  const { VERCEL, TRUSTED_PROXY_HOPS } = env();
  const address = (VERCEL ? platformAddress(req) : forwardedAddress(req, TRUSTED_PROXY_HOPS))?.trim();
  return address && isIP(address) ? address : UNKNOWN_CLIENT;
}
