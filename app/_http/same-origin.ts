import { publicBaseUrl } from '@/lib/env';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * CSRF defence for cookie-authenticated API calls: a state-changing request must
 * come from our own origin. Browsers always send Origin on cross-site POSTs, and
 * Sec-Fetch-Site where they support it.
 */
export function isSameOriginRequest(req: Request): boolean {
  if (SAFE_METHODS.has(req.method)) return true;
  const fetchSite = req.headers.get('sec-fetch-site');
  if (fetchSite && fetchSite !== 'same-origin' && fetchSite !== 'none') return false;
  const origin = req.headers.get('origin');
  if (!origin) return fetchSite === 'same-origin';
  const allowed = new Set([new URL(publicBaseUrl()).origin, new URL(req.url).origin]);
  const host = req.headers.get('x-forwarded-host') ?? req.headers.get('host');
  if (host)
    allowed.add(`${req.headers.get('x-forwarded-proto') ?? new URL(req.url).protocol.replace(':', '')}://${host}`);
  return allowed.has(origin);
}
