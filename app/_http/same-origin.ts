import { env } from '@/lib/env';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
const LOOPBACK_HOSTS = ['localhost', '127.0.0.1', '[::1]'];

/**
 * The origins people open the app at, from configuration only: a request's Host and
 * X-Forwarded-Host are whatever its sender (or a proxy passing them on) says, so an
 * Origin matching them proves nothing. A loopback origin also stands for the other
 * loopback names on the same port, which can only reach this same server, so a
 * developer at http://127.0.0.1:3000 is not refused for NEXTAUTH_URL saying localhost.
 */
function publicOrigins(): Set<string> {
  const { NEXTAUTH_URL, APP_BASE_URL } = env();
  const origins = new Set<string>();
  for (const configured of [NEXTAUTH_URL, APP_BASE_URL]) {
    if (!configured) continue;
    const url = new URL(configured);
    origins.add(url.origin);
    if (!LOOPBACK_HOSTS.includes(url.hostname)) continue;
    for (const hostname of LOOPBACK_HOSTS) {
      url.hostname = hostname;
      origins.add(url.origin);
    }
  }
  return origins;
}

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
  return publicOrigins().has(origin);
}
