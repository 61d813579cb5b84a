import { describe, expect, it } from 'vitest';
import { TenantIdSchema, UpdateTenantSettingsSchema } from '@/lib/tenants/schemas';

describe('tenant settings input', () => {
  it('turns quiet-hour times into minutes after midnight', () => {
    expect(UpdateTenantSettingsSchema.parse({ quietHoursStart: '21:00', quietHoursEnd: '09:00' })).toEqual({
      quietHoursStart: 1260,
      quietHoursEnd: 540,
    });
  });

  it('rejects an unknown time zone, a bad time and an unknown field with a readable reason', () => {
    const result = UpdateTenantSettingsSchema.safeParse({
      timeZone: 'Australia/Gotham',
      quietHoursStart: '9pm',
      paused: true,
    });
    expect(result.success).toBe(false);
    const messages = result.error?.issues.map((i) => i.message).join(' | ') ?? '';
    expect(messages).toContain('Choose a time zone from the list');
    expect(messages).toContain('24-hour time');
    expect(messages).toMatch(/unrecognized key/i);
  });
});

describe('TenantIdSchema', () => {
  it('accepts the seeded primary workspace and generated ids, and refuses anything else with a plain message', () => {
    expect(TenantIdSchema.safeParse('00000000-0000-0000-0000-000000000001').success).toBe(true);
    expect(TenantIdSchema.safeParse(crypto.randomUUID()).success).toBe(true);
    const refused = TenantIdSchema.safeParse('primary');
    expect(refused.success).toBe(false);
    expect(refused.error?.issues[0].message).toBe('Unknown workspace.');
  });
});
