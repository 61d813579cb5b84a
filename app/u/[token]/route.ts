import { describeUnsubscribe, unsubscribeByToken, type UnsubscribeState } from '@/lib/links/web-unsubscribe';

export const dynamic = 'force-dynamic';

const HEADERS = {
  'content-type': 'text/html; charset=utf-8',
  'cache-control': 'no-store',
  'referrer-policy': 'no-referrer',
  'x-robots-tag': 'noindex',
};

function escape(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string,
  );
}

function page(title: string, body: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${escape(title)}</title>
<style>body{font-family:system-ui,sans-serif;display:grid;place-items:center;min-height:90vh;color:#101828;margin:0}main{max-width:26rem;padding:1.5rem;text-align:center}p{color:#475467}button{font:inherit;padding:.75rem 1.5rem;border-radius:8px;border:0;background:#b42318;color:#fff;cursor:pointer}</style></head>
<body><main><h1>${escape(title)}</h1>${body}</main></body></html>`;
}

function render(state: UnsubscribeState): Response {
  switch (state.kind) {
    case 'unknown':
      return new Response(
        page(
          'Link not found',
          '<p>This unsubscribe link is not valid. Reply STOP to the message, or contact the sender.</p>',
        ),
        { status: 404, headers: HEADERS },
      );
    case 'test':
      return new Response(
        page(
          'This was a test message',
          '<p>The message was a test sent by staff to their own phone; there is nothing to unsubscribe from.</p>',
        ),
        { headers: HEADERS },
      );
    case 'unsubscribed':
      return new Response(
        page(
          'You are unsubscribed',
          `<p>The number ending ${escape(state.phoneEnding)} will get no more messages from ${escape(state.sender)}.</p>`,
        ),
        { headers: HEADERS },
      );
    case 'subscribed':
      // A button, not the link itself: link scanners and message previews open
      // links, and must not unsubscribe anyone by doing so.
      return new Response(
        page(
          `Unsubscribe from ${state.sender}`,
          `<p>Stop all messages from ${escape(state.sender)} to the number ending ${escape(state.phoneEnding)}?</p>
<form method="post"><button type="submit">Unsubscribe</button></form>`,
        ),
        { headers: HEADERS },
      );
  }
}

/** The web unsubscribe page: public, no login, no personal details beyond the number's last digits. */
export async function GET(_req: Request, { params }: { params: Promise<{ token: string }> }): Promise<Response> {
  return render(await describeUnsubscribe((await params).token));
}

export async function POST(_req: Request, { params }: { params: Promise<{ token: string }> }): Promise<Response> {
  return render(await unsubscribeByToken((await params).token));
}
