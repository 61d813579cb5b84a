import { readdirSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db/client';
import { roleAtLeast } from '@/lib/auth/roles';
import { callRoute, createTenant, signedInMember } from '../../support/fixtures';
import { ROUTE_ACCESS, type World } from './route-access';

const CRON_SECRET = 'matrix-cron-secret';
process.env.CRON_SECRET = CRON_SECRET;
const METRICS_TOKEN = 'matrix-metrics-token';
process.env.METRICS_TOKEN = METRICS_TOKEN;

const API_DIR = path.resolve(import.meta.dirname, '../../../app/api');
const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;

type Handler = Parameters<typeof callRoute>[0];

function routeFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? routeFiles(path.join(dir, e.name)) : e.name === 'route.ts' ? [path.join(dir, e.name)] : [],
  );
}

async function discoverRoutes(): Promise<{ key: string; handler: Handler }[]> {
  const found: { key: string; handler: Handler }[] = [];
  for (const file of routeFiles(API_DIR)) {
    const routePath = `/api/${path.relative(API_DIR, path.dirname(file)).split(path.sep).join('/')}`;
    const mod = (await import(file)) as Record<string, unknown>;
    for (const method of METHODS) {
      if (typeof mod[method] === 'function')
        found.push({ key: `${method} ${routePath}`, handler: mod[method] as Handler });
    }
  }
  return found;
}

/** Everything tenant A owns, so a foreign caller's effect on it can be compared. */
async function tenantSnapshot(tenantId: string): Promise<string> {
  const [memberships, settings, counts] = await Promise.all([
    db().membership.findMany({ where: { tenantId }, select: { id: true, role: true }, orderBy: { id: 'asc' } }),
    db().tenantSettings.findUnique({ where: { tenantId } }),
    db().$queryRaw<{ table_name: string; rows: bigint }[]>`
      SELECT 'contacts' AS table_name, count(*) AS rows FROM contacts WHERE "tenantId" = ${tenantId}::uuid
      UNION ALL SELECT 'campaigns', count(*) FROM campaigns WHERE "tenantId" = ${tenantId}::uuid
      UNION ALL SELECT 'import_batches', count(*) FROM import_batches WHERE "tenantId" = ${tenantId}::uuid
      UNION ALL SELECT 'send_jobs', count(*) FROM send_jobs WHERE "tenantId" = ${tenantId}::uuid
      UNION ALL SELECT 'dnc_entries', count(*) FROM dnc_entries WHERE "tenantId" = ${tenantId}::uuid
      UNION ALL SELECT 'audit_log', count(*) FROM audit_log WHERE "tenantId" = ${tenantId}::uuid`,
  ]);
  return JSON.stringify({ memberships, settings, counts }, (_k, v) => (typeof v === 'bigint' ? v.toString() : v));
}

describe('authorization matrix', () => {
  let world: World;
  let routes: { key: string; handler: Handler }[];

  beforeAll(async () => {
    const a = await createTenant('Tenant A');
    const b = await createTenant('Tenant B');
    world = {
      tenantA: {
        id: a.id,
        admin: await signedInMember(a.id, 'ADMIN', 'admin@tenant-a.test'),
        staff: await signedInMember(a.id, 'STAFF', 'staff@tenant-a.test'),
        viewer: await signedInMember(a.id, 'VIEWER', 'viewer@tenant-a.test'),
      },
      tenantB: { id: b.id, admin: await signedInMember(b.id, 'ADMIN', 'admin@tenant-b.test') },
    };
    routes = await discoverRoutes();
  });

  it('classifies every API route', () => {
    const unclassified = routes.map((r) => r.key).filter((key) => !(key in ROUTE_ACCESS));
    expect(unclassified, 'add these routes to tests/integration/auth/route-access.ts').toEqual([]);
    const stale = Object.keys(ROUTE_ACCESS).filter((key) => !routes.some((r) => r.key === key));
    expect(stale, 'these entries name routes that no longer exist').toEqual([]);
  });

  it('answers each caller of a session route with the status its role earns', async () => {
    const failures: string[] = [];
    for (const { key, handler } of routes) {
      const access = ROUTE_ACCESS[key];
      if (access?.kind !== 'session') continue;
      const method = key.split(' ')[0];
      const callers = [
        { name: 'anonymous', cookie: undefined, expected: 401 },
        ...(['VIEWER', 'STAFF', 'ADMIN'] as const).map((role) => ({
          name: role.toLowerCase(),
          cookie: world.tenantA[role.toLowerCase() as 'viewer' | 'staff' | 'admin'].cookie,
          expected: roleAtLeast(role, access.minimum) ? access.allowedStatus : 403,
        })),
      ];
      for (const caller of callers) {
        const res = await callRoute(handler, { method, cookie: caller.cookie, ...(await access.request(world)) });
        if (res.status !== caller.expected)
          failures.push(`${key} as ${caller.name}: ${res.status}, expected ${caller.expected} (${await res.text()})`);
      }
    }
    expect(failures).toEqual([]);
  });

  it('refuses session writes from another origin', async () => {
    const failures: string[] = [];
    for (const { key, handler } of routes) {
      const access = ROUTE_ACCESS[key];
      const method = key.split(' ')[0];
      if (access?.kind !== 'session' || method === 'GET') continue;
      const res = await callRoute(handler, {
        method,
        cookie: world.tenantA.admin.cookie,
        headers: { origin: 'https://evil.example' },
        ...(await access.request(world)),
      });
      if (res.status !== 403) failures.push(`${key}: ${res.status}`);
    }
    expect(failures).toEqual([]);
  });

  it("never lets another tenant's admin read or change tenant A's rows", async () => {
    const failures: string[] = [];
    for (const { key, handler } of routes) {
      const access = ROUTE_ACCESS[key];
      if (access?.kind !== 'session') continue;
      const method = key.split(' ')[0];
      const request = await access.request(world);
      const before = await tenantSnapshot(world.tenantA.id);
      const res = await callRoute(handler, { method, cookie: world.tenantB.admin.cookie, ...request });
      const body = await res.text();
      if (typeof access.foreign === 'number' && res.status !== access.foreign)
        failures.push(`${key}: ${res.status}, expected ${access.foreign}`);
      if (access.foreign === 'own-tenant' && res.status !== access.allowedStatus)
        failures.push(`${key}: ${res.status}, expected ${access.allowedStatus}`);
      if (body.includes('tenant-a.test') || body.includes(world.tenantA.id) || body.includes('Tenant A'))
        failures.push(`${key}: response shows tenant A's data`);
      if ((await tenantSnapshot(world.tenantA.id)) !== before) failures.push(`${key}: changed tenant A's rows`);
    }
    expect(failures).toEqual([]);
  });

  it('lets only the cron secret run scheduled routes', async () => {
    const failures: string[] = [];
    for (const { key, handler } of routes) {
      const access = ROUTE_ACCESS[key];
      if (access?.kind !== 'cron') continue;
      const method = key.split(' ')[0];
      const attempts: { name: string; headers: Record<string, string>; denied: boolean }[] = [
        { name: 'no secret', headers: {}, denied: true },
        { name: 'admin session', headers: { cookie: world.tenantA.admin.cookie }, denied: true },
        { name: 'wrong secret', headers: { authorization: 'Bearer nope' }, denied: true },
        { name: 'cron secret', headers: { authorization: `Bearer ${CRON_SECRET}` }, denied: false },
      ];
      for (const attempt of attempts) {
        const res = await callRoute(handler, { method, path: access.path, headers: attempt.headers });
        if ((res.status === 401) !== attempt.denied) failures.push(`${key} with ${attempt.name}: ${res.status}`);
      }
    }
    expect(failures).toEqual([]);
  });

  it("lets only the cron secret or an admin's session read the operator's routes", async () => {
    const failures: string[] = [];
    for (const { key, handler } of routes) {
      const access = ROUTE_ACCESS[key];
      if (access?.kind !== 'operator') continue;
      const attempts: { name: string; headers: Record<string, string>; expected: number[] }[] = [
        { name: 'no credentials', headers: {}, expected: [401] },
        { name: 'wrong secret', headers: { authorization: 'Bearer nope' }, expected: [401] },
        { name: 'viewer session', headers: { cookie: world.tenantA.viewer.cookie }, expected: [403] },
        { name: 'staff session', headers: { cookie: world.tenantA.staff.cookie }, expected: [403] },
        { name: 'admin session', headers: { cookie: world.tenantA.admin.cookie }, expected: [200, 503] },
        { name: 'cron secret', headers: { authorization: `Bearer ${CRON_SECRET}` }, expected: [200, 503] },
      ];
      for (const attempt of attempts) {
        const res = await callRoute(handler, { method: 'GET', path: access.path, headers: attempt.headers });
        if (!attempt.expected.includes(res.status)) failures.push(`${key} with ${attempt.name}: ${res.status}`);
      }
    }
    expect(failures).toEqual([]);
  });

  it('lets only the metrics token scrape metrics', async () => {
    const failures: string[] = [];
    for (const { key, handler } of routes) {
      const access = ROUTE_ACCESS[key];
      if (access?.kind !== 'metrics') continue;
      const attempts: { name: string; headers: Record<string, string>; expected: number }[] = [
        { name: 'no token', headers: {}, expected: 401 },
        { name: 'admin session', headers: { cookie: world.tenantA.admin.cookie }, expected: 401 },
        { name: 'cron secret', headers: { authorization: `Bearer ${CRON_SECRET}` }, expected: 401 },
        { name: 'metrics token', headers: { authorization: `Bearer ${METRICS_TOKEN}` }, expected: 200 },
      ];
      for (const attempt of attempts) {
        const res = await callRoute(handler, { method: 'GET', path: access.path, headers: attempt.headers });
        if (res.status !== attempt.expected) failures.push(`${key} with ${attempt.name}: ${res.status}`);
      }
    }
    expect(failures).toEqual([]);
  });
});
