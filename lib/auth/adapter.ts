import 'server-only';
import type { Adapter, AdapterAccount, AdapterUser } from 'next-auth/adapters';
import { db } from '../db/client';
import { Prisma } from '../generated/prisma/client';

const USER_FIELDS = { id: true, email: true, name: true, image: true, emailVerified: true } as const;

/**
 * next-auth's storage on our Prisma client. There is no createUser path that
 * succeeds: accounts exist only by invitation (or the seed), never by sign-in.
 */
export function prismaAuthAdapter(): Adapter {
  return {
    async createUser() {
      throw new Error('Users are created by invitation only');
    },
    async getUser(id) {
      return db().user.findUnique({ where: { id }, select: USER_FIELDS }) as Promise<AdapterUser | null>;
    },
    async getUserByEmail(email) {
      return db().user.findUnique({
        where: { email: email.toLowerCase() },
        select: USER_FIELDS,
      }) as Promise<AdapterUser | null>;
    },
    async getUserByAccount({ provider, providerAccountId }) {
      const account = await db().account.findUnique({
        where: { provider_providerAccountId: { provider, providerAccountId } },
        select: { user: { select: USER_FIELDS } },
      });
      return (account?.user ?? null) as AdapterUser | null;
    },
    async updateUser({ id, ...data }) {
      return db().user.update({
        where: { id },
        data: {
          name: data.name ?? undefined,
          image: data.image ?? undefined,
          emailVerified: data.emailVerified ?? undefined,
        },
        select: USER_FIELDS,
      }) as Promise<AdapterUser>;
    },
    async linkAccount(account: AdapterAccount) {
      await db().account.create({
        data: {
          userId: account.userId,
          type: account.type,
          provider: account.provider,
          providerAccountId: account.providerAccountId,
          refresh_token: account.refresh_token,
          access_token: account.access_token,
          expires_at: account.expires_at,
          token_type: account.token_type,
          scope: account.scope,
          id_token: account.id_token,
          session_state: account.session_state,
        },
      });
    },
    async createSession(session) {
      return db().session.create({ data: session, select: { sessionToken: true, userId: true, expires: true } });
    },
    async getSessionAndUser(sessionToken) {
      const row = await db().session.findUnique({
        where: { sessionToken },
        select: { sessionToken: true, userId: true, expires: true, user: { select: USER_FIELDS } },
      });
      if (!row) return null;
      const { user, ...session } = row;
      return { session, user: user as AdapterUser };
    },
    async updateSession({ sessionToken, expires }) {
      return db().session.update({
        where: { sessionToken },
        data: { expires },
        select: { sessionToken: true, userId: true, expires: true },
      });
    },
    async deleteSession(sessionToken) {
      await db().session.deleteMany({ where: { sessionToken } });
    },
    async createVerificationToken(token) {
      return db().verificationToken.create({ data: token });
    },
    // Deleting on use is what makes a magic link single-use.
    async useVerificationToken({ identifier, token }) {
      try {
        return await db().verificationToken.delete({ where: { identifier_token: { identifier, token } } });
      } catch (error) {
        if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2025') return null;
        throw error;
      }
    },
  };
}
