import { randomBytes, randomUUID } from 'node:crypto';
import { db } from '@/lib/db/client';
import type { Role } from '@/lib/generated/prisma/enums';
import { sessionCookieName, TENANT_COOKIE } from '@/lib/auth/session-cookie';

export const TEST_ORIGIN = 'http://localhost:3000';

export async function createTenant(name = 'Tenant') {
  const tenant = await db().tenant.create({
    data: {
      slug: `${name.toLowerCase().replace(/\W+/g, '-')}-${randomBytes(3).toString('hex')}`,
      name,
      settings: { create: {} },
    },
    select: { id: true, name: true },
  });
  return tenant;
}

export interface SignedInMember {
  userId: string;
  membershipId: string;
  tenantId: string;
  email: string;
  cookie: string;
}

/** A user with a role in a tenant and a live database session, as the browser would carry it. */
export async function signedInMember(
  tenantId: string,
  role: Role,
  email = `${role.toLowerCase()}-${randomUUID()}@example.com`,
): Promise<SignedInMember> {
  const user = await db().user.create({ data: { email, name: `${role} user` }, select: { id: true } });
  const membership = await db().membership.create({ data: { tenantId, userId: user.id, role }, select: { id: true } });
  const sessionToken = randomBytes(32).toString('hex');
  await db().session.create({ data: { sessionToken, userId: user.id, expires: new Date(Date.now() + 3_600_000) } });
  return {
    userId: user.id,
    membershipId: membership.id,
    tenantId,
    email,
    cookie: `${sessionCookieName()}=${sessionToken}; ${TENANT_COOKIE}=${tenantId}`,
  };
}

// Any route handler: each declares its own params type, so the fixture accepts them all.
type Handler = (req: Request, ctx: { params: Promise<never> }) => Promise<Response>;

/** Calls a route handler in-process the way Next does, with the caller's cookie and our origin. */
export async function callRoute(
  handler: Handler,
  options: {
    method: string;
    path: string;
    cookie?: string;
    body?: unknown;
    params?: Record<string, string | string[]>;
    headers?: Record<string, string>;
  },
): Promise<Response> {
  const headers = new Headers(options.headers);
  if (options.cookie) headers.set('cookie', options.cookie);
  if (options.method !== 'GET' && !headers.has('origin')) headers.set('origin', TEST_ORIGIN);
  if (options.body !== undefined) headers.set('content-type', 'application/json');
  const req = new Request(`${TEST_ORIGIN}${options.path}`, {
    method: options.method,
    headers,
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
  });
  return handler(req, { params: Promise.resolve(options.params ?? {}) as Promise<never> });
}
