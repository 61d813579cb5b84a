import type { NextResponse } from 'next/server';
import { resolveActor, type Actor } from '@/lib/auth/actor';
import { roleAtLeast } from '@/lib/auth/roles';
import { TENANT_COOKIE, sessionCookieName } from '@/lib/auth/session-cookie';
import { AppError } from '@/lib/errors';
import type { Role } from '@/lib/generated/prisma/enums';
import { errorResponse, toErrorResponse } from './errors';
import { isSameOriginRequest } from './same-origin';

type RouteContext<P> = { params: Promise<P> };
type SessionHandler<P> = (req: Request, ctx: { actor: Actor; params: P }) => Promise<NextResponse | Response>;

function readCookie(req: Request, name: string): string | undefined {
  const header = req.headers.get('cookie');
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return decodeURIComponent(part.slice(eq + 1).trim());
  }
  return undefined;
}

/** Authenticates a staff API call: session, tenant, minimum role and same-origin for writes. */
export function withSession<P = Record<string, never>>(minimumRole: Role, handler: SessionHandler<P>) {
  return async (req: Request, ctx: RouteContext<P>): Promise<NextResponse | Response> => {
    try {
      const actor = await resolveActor(readCookie(req, sessionCookieName()), readCookie(req, TENANT_COOKIE));
      if (!actor) return errorResponse('unauthorized', 'Sign in to continue.');
      if (!isSameOriginRequest(req)) return errorResponse('forbidden', 'Cross-site request refused.');
      if (!roleAtLeast(actor.role, minimumRole)) {
        return errorResponse('forbidden', `This needs the ${minimumRole.toLowerCase()} role or higher.`);
      }
      return await handler(req, { actor, params: await ctx.params });
    } catch (error) {
      return toErrorResponse(error);
    }
  };
}

/** Parses a JSON body; a body that is not JSON is the caller's error, not ours. */
export async function readJson(req: Request): Promise<unknown> {
  try {
    return await req.json();
  } catch {
    throw new AppError('invalid', 'The request body must be JSON.');
  }
}
