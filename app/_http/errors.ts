import { NextResponse } from 'next/server';
import { ZodError } from 'zod';
import { isUniqueViolation, recordExists, recordMissing } from '@/lib/db/errors';
import { AppError, type AppErrorCode } from '@/lib/errors';
import { Prisma } from '@/lib/generated/prisma/client';

const STATUS: Record<AppErrorCode, number> = {
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  invalid: 422,
  rate_limited: 429,
  not_implemented: 501,
  unavailable: 503,
  internal: 500,
};

export function errorResponse(code: AppErrorCode, message: string, extra?: Record<string, unknown>): NextResponse {
  const headers: Record<string, string> = {};
  if (code === 'rate_limited' && typeof extra?.retryAfterSeconds === 'number')
    headers['Retry-After'] = String(extra.retryAfterSeconds);
  return NextResponse.json({ error: { code, message, ...extra } }, { status: STATUS[code], headers });
}

/** The one place a thrown error becomes an HTTP answer; internals never leak. */
export function toErrorResponse(error: unknown): NextResponse {
  if (error instanceof AppError) return errorResponse(error.code, error.message, error.details);
  if (error instanceof ZodError) {
    const issues = error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
    // People read the message; the paths stay beside it for a form to place each issue by its field.
    const message = [
      ...new Set(
        error.issues.map((i) =>
          // An extra field comes from a stale page or a script, never from what a person typed.
          i.code === 'unrecognized_keys'
            ? 'The form sent something this page no longer accepts: reload the page and try again.'
            : i.message,
        ),
      ),
    ].join(' ');
    return errorResponse('invalid', message, { issues });
  }
  if (error instanceof Prisma.PrismaClientKnownRequestError) {
    if (error.code === 'P2002') return toErrorResponse(recordExists());
    if (error.code === 'P2025') return toErrorResponse(recordMissing());
  }
  if (isUniqueViolation(error)) return toErrorResponse(recordExists());
  console.error('[api] unhandled error', error);
  return errorResponse('internal', 'Something went wrong on our side. Please try again.');
}
