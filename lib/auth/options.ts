import 'server-only';
import type { AuthOptions } from 'next-auth';
import EmailProvider from 'next-auth/providers/email';
import { db } from '../db/client';
import { authSecret, env } from '../env';
import { prismaAuthAdapter } from './adapter';
import { deliverMagicLink } from './magic-link-mailer';
import { normaliseSignInEmail } from './sign-in-email';

export function authOptions(): AuthOptions {
  const { MAGIC_LINK_MAX_AGE_MINUTES } = env();
  return {
    secret: authSecret(),
    adapter: prismaAuthAdapter(),
    session: { strategy: 'database', maxAge: 30 * 24 * 60 * 60, updateAge: 24 * 60 * 60 },
    pages: { signIn: '/signin', verifyRequest: '/signin/check-email', error: '/signin/error' },
    providers: [
      EmailProvider({
        maxAge: MAGIC_LINK_MAX_AGE_MINUTES * 60,
        // Unused (sendVerificationRequest sends), but next-auth requires the option.
        server: env().EMAIL_SERVER ?? 'smtp://localhost:25',
        from: env().EMAIL_FROM,
        normalizeIdentifier: normaliseSignInEmail,
        async sendVerificationRequest({ identifier, url }) {
          await deliverMagicLink({
            to: identifier,
            url,
            subject: 'Your SMS CRM sign-in link',
            intro: 'Use this link to sign in to SMS CRM.',
            expiry: `This link works once and expires in ${MAGIC_LINK_MAX_AGE_MINUTES} minutes.`,
          });
        },
      }),
    ],
    callbacks: {
      // Only people who already belong to a tenant get a link; nobody signs themselves
      // up. An unknown address gets the very answer a known one gets (next-auth's
      // verify-request address), so the form cannot tell anyone who has an account.
      async signIn({ user }) {
        if (!user.email) return false;
        const member = await db().membership.findFirst({
          where: { user: { email: user.email.toLowerCase() } },
          select: { id: true },
        });
        // Absolute, because next-auth's client parses the answer with `new URL`.
        return (
          member !== null ||
          `${env().NEXTAUTH_URL.replace(/\/$/, '')}/api/auth/verify-request?provider=email&type=email`
        );
      },
      session({ session, user }) {
        return { ...session, user: { ...session.user, id: user.id } };
      },
    },
  };
}
