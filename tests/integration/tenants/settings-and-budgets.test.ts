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

  it('keeps the frequency cap off by default, suggesting 1 per 12 hours, and saves a cap in hours or days, audited', async () => {
    expect(await getTenantSettings({ actor })).toMatchObject({
      frequencyCapMessages: null,
      frequencyCapWindow: 12,
      frequencyCapUnit: 'hours',
      joinKeyword: '',
      joinReply: '',
      defaultJoinReply: 'Settings: you are subscribed to our messages. Reply STOP to opt out.',
    });
    const form = { frequencyCapMessages: '2', frequencyCapWindow: '3', frequencyCapUnit: 'days' };
    expect(await updateTenantSettings({ actor, input: UpdateTenantSettingsSchema.parse(form) })).toMatchObject({
      frequencyCapMessages: 2,
      frequencyCapWindow: 3,
      frequencyCapUnit: 'days',
    });
    expect(
      await db().tenantSettings.findUniqueOrThrow({
        where: { tenantId },
        select: { frequencyCapMessages: true, frequencyCapHours: true },
      }),
    ).toEqual({ frequencyCapMessages: 2, frequencyCapHours: 72 });
    const audit = await db().auditLog.findFirstOrThrow({ where: { tenantId, action: 'settings.updated' } });
    expect(audit.details).toEqual({ frequencyCapMessages: 2, frequencyCapHours: 72 });

    // A blank box turns the cap off again, whatever the window says.
    const off = UpdateTenantSettingsSchema.parse({ ...form, frequencyCapMessages: '' });
    expect(await updateTenantSettings({ actor, input: off })).toMatchObject({ frequencyCapMessages: null });
    expect(
      await db().tenantSettings.findUniqueOrThrow({ where: { tenantId }, select: { frequencyCapHours: true } }),
    ).toEqual({ frequencyCapHours: null });
  });

  it('saves a join keyword in capitals with its confirmation', async () => {
    const input = UpdateTenantSettingsSchema.parse({
      joinKeyword: ' vip ',
      joinReply: 'Acme VIP club: welcome! Reply STOP to opt out.',
    });
    expect(await updateTenantSettings({ actor, input })).toMatchObject({
      joinKeyword: 'VIP',
      joinReply: 'Acme VIP club: welcome! Reply STOP to opt out.',
    });
    expect(
      await updateTenantSettings({ actor, input: UpdateTenantSettingsSchema.parse({ joinKeyword: '' }) }),
    ).toMatchObject({ joinKeyword: '' });
    expect(await db().tenantSettings.findUniqueOrThrow({ where: { tenantId }, select: { joinKeyword: true } })).toEqual(
      { joinKeyword: null },
    );
  });

  it.each([
    [
      { frequencyCapMessages: '0', frequencyCapWindow: '12', frequencyCapUnit: 'hours' },
      'The frequency cap must allow at least 1 message; leave it blank for no cap.',
    ],
    [
      { frequencyCapMessages: '1.5', frequencyCapWindow: '12', frequencyCapUnit: 'hours' },
      'The frequency cap must be a whole number of messages, or blank for no cap.',
    ],
    [
      { frequencyCapMessages: '1', frequencyCapWindow: '', frequencyCapUnit: 'hours' },
      'Say over how many hours or days the frequency cap counts, such as 1 message per 12 hours.',
    ],
    [
      { frequencyCapMessages: '1', frequencyCapWindow: '91', frequencyCapUnit: 'days' },
      'The frequency cap’s window can be at most 90 days.',
    ],
    [
      { frequencyCapMessages: '1', frequencyCapWindow: '12', frequencyCapUnit: 'weeks' },
      'Count the frequency cap in hours or days.',
    ],
    [{ joinKeyword: 'join now' }, 'The join keyword must be one word of letters or digits, such as JOIN.'],
    [
      { joinKeyword: 'stop' },
      'STOP already means opt out, opt in or help to every sender; choose another word, such as JOIN.',
    ],
    [
      { joinKeyword: 'Help' },
      'HELP already means opt out, opt in or help to every sender; choose another word, such as JOIN.',
    ],
    [
      { joinReply: 'Welcome to Acme deals!' },
      'The join confirmation must say how to opt out, such as “Reply STOP to opt out”.',
    ],
  ])('refuses %o with a message a person understands', (input, message) => {
    const result = UpdateTenantSettingsSchema.safeParse(input);
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.message)).toEqual([message]);
  });
});
