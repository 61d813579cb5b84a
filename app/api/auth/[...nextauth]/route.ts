import NextAuth from 'next-auth';
import { authOptions } from '@/lib/auth/options';
import { AppError } from '@/lib/errors';
import { assertRateLimit } from '@/lib/rate-limit/assert-rate-limit';
import { errorResponse, toErrorResponse } from '@/app/_http/errors';
import { clientIp } from '@/app/_http/client-ip';

type Ctx = { params: Promise<{ nextauth: string[] }> };

function handler(req: Request, ctx: Ctx) {
  return NextAuth(authOptions())(req, ctx);
}

async function emailFrom(req: Request): Promise<string> {
  const type = req.headers.get('content-type') ?? '';
  if (type.includes('application/json')) {
    const body = (await req
      .clone()
      .json()
      .catch(() => ({}))) as { email?: unknown };
    return String(body.email ?? '');
  }
  const form = await req
    .clone()
    .formData()
    .catch(() => null);
  return String(form?.get('email') ?? '');
}

// Magic-link requests are rate limited per address and per IP before next-auth
// sends anything, so the form cannot be used to flood someone's inbox.
async function POST(req: Request, ctx: Ctx) {
  const { nextauth } = await ctx.params;
  if (nextauth.join('/') === 'signin/email') {
    try {
      const email = (await emailFrom(req)).trim().toLowerCase();
      if (!email) throw new AppError('invalid', 'Enter your e-mail address.');
      await assertRateLimit({ policy: 'signin-ip', key: clientIp(req) });
      await assertRateLimit({ policy: 'signin-email', key: email });
    } catch (error) {
      if (error instanceof AppError && error.code === 'rate_limited') {
        const res = errorResponse('rate_limited', error.message, error.details);
        // next-auth's client reads `url`; the error page explains the wait.
        return Response.json(
          { url: `/signin?error=RateLimited`, error: { code: 'rate_limited', message: error.message } },
          { status: 429, headers: res.headers },
        );
      }
      return toErrorResponse(error);
    }
  }
  return handler(req, ctx);
}

export { handler as GET, POST };
