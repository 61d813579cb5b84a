import { NextResponse, type NextRequest } from 'next/server';
import { isSameOriginRequest } from './app/_http/same-origin';
import { sessionCookieName } from './lib/auth/session-cookie';
import { SECURITY_HEADERS } from './lib/security-headers';

// Next.js 16 names the middleware file proxy.ts. This is a cheap first gate: it
// checks a session cookie is present and writes come from our origin; route
// handlers and pages then verify the session, tenant and role against the database.

const PUBLIC_PAGES = ['/signin'];

function withHeaders(res: NextResponse): NextResponse {
  for (const { key, value } of SECURITY_HEADERS) res.headers.set(key, value);
  return res;
}

export function proxy(req: NextRequest): NextResponse {
  const { pathname, search } = req.nextUrl;
  const isApi = pathname.startsWith('/api/');
  if (isApi && !isSameOriginRequest(req)) {
    return withHeaders(
      NextResponse.json({ error: { code: 'forbidden', message: 'Cross-site request refused.' } }, { status: 403 }),
    );
  }
  if (PUBLIC_PAGES.some((p) => pathname === p || pathname.startsWith(`${p}/`))) return withHeaders(NextResponse.next());
  if (!req.cookies.get(sessionCookieName())?.value) {
    if (isApi)
      return withHeaders(
        NextResponse.json({ error: { code: 'unauthorized', message: 'Sign in to continue.' } }, { status: 401 }),
      );
    const signIn = new URL('/signin', req.url);
    signIn.searchParams.set('callbackUrl', `${pathname}${search}`);
    return withHeaders(NextResponse.redirect(signIn));
  }
  return withHeaders(NextResponse.next());
}

export const config = {
  // Hot public paths stay out: short links, unsubscribe links, webhooks, cron, health and next-auth
  // each carry their own check, and a matched path costs a proxy hop per request.
  matcher: [
    '/((?!l/|u/|api/health|api/auth|api/webhooks|api/cron|_next/static|_next/image|favicon.ico|favicon.svg|robots.txt).*)',
  ],
};
