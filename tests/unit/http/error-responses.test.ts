import { describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { toErrorResponse } from '@/app/_http/errors';
import { AppError } from '@/lib/errors';
import { Prisma } from '@/lib/generated/prisma/client';

function prismaError(code: string) {
  return new Prisma.PrismaClientKnownRequestError('boom', { code, clientVersion: 'test' });
}

describe('toErrorResponse', () => {
  it('maps a validation error to 422 with each problem named', async () => {
    const result = z.object({ email: z.string().email('Enter a valid e-mail address.') }).safeParse({ email: 'nope' });
    const res = toErrorResponse(result.error);
    expect(res.status).toBe(422);
    expect((await res.json()).error.message).toBe('Enter a valid e-mail address.');
  });

  it('maps unique violations to 409 and missing rows to 404', () => {
    expect(toErrorResponse(prismaError('P2002')).status).toBe(409);
    expect(toErrorResponse(prismaError('P2025')).status).toBe(404);
  });

  it("maps a unique violation from node-postgres like Prisma's, with the same words", async () => {
    const violation = Object.assign(new Error('duplicate key value violates unique constraint'), { code: '23505' });
    const res = toErrorResponse(violation);
    expect(res.status).toBe(409);
    expect((await res.json()).error.message).toBe((await toErrorResponse(prismaError('P2002')).json()).error.message);
  });

  it('maps domain errors by code and sets Retry-After on rate limits', () => {
    expect(toErrorResponse(new AppError('forbidden', 'no')).status).toBe(403);
    const limited = toErrorResponse(new AppError('rate_limited', 'slow down', { retryAfterSeconds: 42 }));
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('42');
  });

  it('answers anything else with 500 and no internals', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const res = toErrorResponse(new Error('connection string postgres://secret@db'));
    expect(res.status).toBe(500);
    expect(await res.text()).not.toContain('secret');
  });
});
