import { beforeEach, describe, expect, it } from 'vitest';
import { resolveActor, type Actor } from '@/lib/auth/actor';
import { db } from '@/lib/db/client';
import { getTenantSettings } from '@/lib/tenants/get-tenant-settings';
import { setBudgets } from '@/lib/tenants/set-budgets';
import { UpdateTenantSettingsSchema } from '@/lib/tenants/schemas';
import { updateTenantSettings } from '@/lib/tenants/update-tenant-settings';
import { createTenant, signedInMember } from '../../support/fixtures';

describe('workspace settings and budgets', () => {
  let tenantId: string;
  let actor: Actor;

  beforeEach(async () => {
    tenantId = (await createTenant('Settings')).id;
    const admin = await signedInMember(tenantId, 'ADMIN');
    const token = admin.cookie.match(/session-token=([^;]+)/)?.[1];
    const resolved = await resolveActor(token, tenantId);
    if (!resolved) throw new Error('no actor');
    actor = resolved;
  });

  it('saves the settings an admin changes, keeps the others, and audits what was sent', async () => {
    const input = UpdateTenantSettingsSchema.parse({ quietHoursStart: '20:30', senderName: 'Acme' });
    const settings = await updateTenantSettings({ actor, input });
    expect(settings).toMatchObject({ quietHoursStart: '20:30', quietHoursEnd: '09:00', senderName: 'Acme' });
    const row = await db().tenantSettings.findUniqueOrThrow({
      where: { tenantId },
      select: { quietHoursStart: true, senderName: true, timeZone: true },
    });
    expect(row).toEqual({ quietHoursStart: 20 * 60 + 30, senderName: 'Acme', timeZone: 'Australia/Sydney' });
    const audit = await db().auditLog.findFirstOrThrow({ where: { tenantId, action: 'settings.updated' } });
    expect(audit).toMatchObject({ actorUserId: actor.userId, details: { quietHoursStart: 1230, senderName: 'Acme' } });
  });

  it('gives a workspace without a settings row one with the defaults', async () => {
    await db().tenantSettings.delete({ where: { tenantId } });
    expect(await getTenantSettings({ actor })).toMatchObject({
      paused: false,
      timeZone: 'Australia/Sydney',
      quietHoursStart: '21:00',
      quietHoursEnd: '09:00',
      tenantRatePerMinute: 100,
      numberRatePerMinute: 10,
    });
    expect(await db().tenantSettings.count({ where: { tenantId } })).toBe(1);
  });

  it('sets, changes and removes the spend caps, auditing each change', async () => {
    expect(await setBudgets({ actor, input: { dailyCapDollars: 12.5, monthlyCapDollars: 300 } })).toMatchObject({
      dailyCapDollars: 12.5,
      monthlyCapDollars: 300,
    });
    expect(await setBudgets({ actor, input: { dailyCapDollars: 20, monthlyCapDollars: null } })).toMatchObject({
      dailyCapDollars: 20,
      monthlyCapDollars: null,
    });
    const rows = await db().budget.findMany({ where: { tenantId }, select: { period: true, capMicros: true } });
    expect(rows).toEqual([{ period: 'DAILY', capMicros: 20_000_000n }]);
    expect(await db().auditLog.count({ where: { tenantId, action: 'budgets.updated' } })).toBe(2);
  });
});
