import { timingSafeEqual } from 'node:crypto';
import type { NextResponse } from 'next/server';
import { env } from '@/lib/env';
import { errorResponse, toErrorResponse } from './errors';

function secretMatches(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * Vercel cron calls with `Authorization: Bearer $CRON_SECRET`. With no secret
 * configured the route refuses every call rather than running unauthenticated.
 */
export function withCron(handler: (req: Request) => Promise<NextResponse | Response>) {
  return async (req: Request): Promise<NextResponse | Response> => {
    const secret = env().CRON_SECRET;
    if (!secret)
      return errorResponse('unavailable', 'CRON_SECRET is not configured, so scheduled routes are disabled.');
    const given = req.headers.get('authorization')?.replace(/^Bearer\s+/i, '') ?? '';
    if (!secretMatches(given, secret)) return errorResponse('unauthorized', 'Invalid cron secret.');
    try {
      return await handler(req);
    } catch (error) {
      return toErrorResponse(error);
    }
  };
}
