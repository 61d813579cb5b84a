import NextAuth from 'next-auth';
import { authOptions } from '@/lib/auth/options';
import { AppError } from '@/lib/errors';
import { assertRateLimit } from '@/lib/rate-limit/assert-rate-limit';
import { errorResponse, toErrorResponse } from '@/app/_http/errors';
import { clientIp } from '@/app/_http/client-ip';
import { readSignInEmail } from '@/app/_http/read-sign-in-email';

type Ctx = { params: Promise<{ nextauth: string[] }> };

function handler(req: Request, ctx: Ctx) {
  return NextAuth(authOptions())(req, ctx);
}

// Magic-link requests are rate limited per address and per IP before next-auth
// sends anything, so the form cannot be used to flood someone's inbox. next-auth
// takes its action and provider from the first two path segments and ignores the
// rest, so /signin/email/anything asks for a link just as /signin/email does.
async function POST(req: Request, ctx: Ctx) {
  const [action, provider] = (await ctx.params).nextauth;
  if (action === 'signin' && provider === 'email') {
    try {
      const email = await readSignInEmail(req);
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
