import { timingSafeEqual } from 'node:crypto';
import type { NextResponse } from 'next/server';
import { resolveActor } from '@/lib/auth/actor';
import { TENANT_COOKIE, sessionCookieName } from '@/lib/auth/session-cookie';
import { env } from '@/lib/env';
import { errorResponse, toErrorResponse } from './errors';

function secretMatches(given: string, expected: string | undefined): boolean {
  if (!expected) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

function readCookie(req: Request, name: string): string | undefined {
  for (const part of req.headers.get('cookie')?.split(';') ?? []) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return decodeURIComponent(part.slice(eq + 1).trim());
  }
  return undefined;
}

/**
 * The operator's routes (the detailed health of the whole installation): a monitor
 * calls with `Authorization: Bearer $CRON_SECRET`, a person as an admin of a workspace.
 */
export function withOperator(handler: (req: Request) => Promise<NextResponse | Response>) {
  return async (req: Request): Promise<NextResponse | Response> => {
    try {
      const bearer = req.headers.get('authorization')?.replace(/^Bearer\s+/i, '');
      if (bearer !== undefined) {
        if (!secretMatches(bearer, env().CRON_SECRET)) return errorResponse('unauthorized', 'Invalid cron secret.');
        return await handler(req);
      }
      const actor = await resolveActor(readCookie(req, sessionCookieName()), readCookie(req, TENANT_COOKIE));
      if (!actor) return errorResponse('unauthorized', 'Sign in as an admin, or send the cron secret.');
      if (actor.role !== 'ADMIN') return errorResponse('forbidden', 'This needs the admin role.');
      return await handler(req);
    } catch (error) {
      return toErrorResponse(error);
    }
  };
}
