import { beforeEach, describe, expect, it } from 'vitest';
import { PUT } from '@/app/api/settings/kill-switch/route';
import { db } from '@/lib/db/client';
import { callRoute, createTenant, signedInMember, type SignedInMember } from '../../support/fixtures';

// A request's Host and X-Forwarded-Host are whatever its sender (or a proxy that
// passes them on) says; only the configured public origin vouches for a write.
const FORGED = { host: 'evil.example', 'x-forwarded-host': 'evil.example', 'x-forwarded-proto': 'https' };

describe('a cookie-authenticated write from another site', () => {
  let tenantId: string;
  let admin: SignedInMember;

  beforeEach(async () => {
    tenantId = (await createTenant('Cross-site')).id;
    admin = await signedInMember(tenantId, 'ADMIN');
  });

  async function paused() {
    return (await db().tenantSettings.findUniqueOrThrow({ where: { tenantId }, select: { paused: true } })).paused;
  }

  function stopSending(headers: Record<string, string>) {
    return callRoute(PUT, {
      method: 'PUT',
      path: '/api/settings/kill-switch',
      cookie: admin.cookie,
      body: { paused: true },
      headers,
    });
  }

  it('is refused with 403 when its Origin matches a Host it forged but not the public origin', async () => {
    const res = await stopSending({ ...FORGED, origin: 'https://evil.example' });
    expect(res.status).toBe(403);
    expect((await res.json()).error.message).toBe('Cross-site request refused.');
    expect(await paused()).toBe(false);
  });

  it('goes through from the public origin whatever Host the proxy passes on', async () => {
    const res = await stopSending({ ...FORGED, origin: 'http://localhost:3000' });
    expect(res.status).toBe(200);
    expect(await paused()).toBe(true);
  });
});
