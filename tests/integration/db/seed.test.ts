import { describe, expect, it } from 'vitest';
import { db } from '@/lib/db/client';
import { PRIMARY_TENANT_ID, seedDatabase } from '@/scripts/support/seed-database';

describe('seed', () => {
  it('creates the primary tenant, its settings and an admin, and changes nothing when run again', async () => {
    await seedDatabase(db(), { adminEmail: 'Owner@Example.com' });
    await seedDatabase(db(), { adminEmail: 'owner@example.com' });

    const tenant = await db().tenant.findUniqueOrThrow({
      where: { id: PRIMARY_TENANT_ID },
      select: { slug: true, settings: { select: { timeZone: true, paused: true } } },
    });
    expect(tenant).toEqual({ slug: 'primary', settings: { timeZone: 'Australia/Sydney', paused: false } });
    const memberships = await db().membership.findMany({
      where: { tenantId: PRIMARY_TENANT_ID },
      select: { role: true, user: { select: { email: true } } },
    });
    expect(memberships).toEqual([{ role: 'ADMIN', user: { email: 'owner@example.com' } }]);
    expect(await db().auditLog.count({ where: { tenantId: PRIMARY_TENANT_ID, action: 'seed.admin' } })).toBe(1);
  });
});
