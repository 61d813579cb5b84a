import 'server-only';
import type { Actor } from '../auth/actor';
import { writeAudit } from '../auth/audit';
import { inTransaction } from '../db/transaction';
import { getTenantSettings } from './get-tenant-settings';
import type { UpdateTenantSettingsInput } from './schemas';

// Each setting an admin may change, with its column and SQL type.
const COLUMNS: Record<keyof UpdateTenantSettingsInput, { column: string; cast: string }> = {
  timeZone: { column: '"timeZone"', cast: '::text' },
  quietHoursStart: { column: '"quietHoursStart"', cast: '::int' },
  quietHoursEnd: { column: '"quietHoursEnd"', cast: '::int' },
  tenantRatePerMinute: { column: '"tenantRatePerMinute"', cast: '::int' },
  numberRatePerMinute: { column: '"numberRatePerMinute"', cast: '::int' },
  senderName: { column: '"senderName"', cast: '::text' },
  optOutReply: { column: '"optOutReply"', cast: '::text' },
  optInReply: { column: '"optInReply"', cast: '::text' },
  helpReply: { column: '"helpReply"', cast: '::text' },
  frequencyCapMessages: { column: '"frequencyCapMessages"', cast: '::int' },
  frequencyCapHours: { column: '"frequencyCapHours"', cast: '::int' },
  joinKeyword: { column: '"joinKeyword"', cast: '::text' },
  joinReply: { column: '"joinReply"', cast: '::text' },
};

export interface UpdateTenantSettingsOptions {
  actor: Actor;
  input: UpdateTenantSettingsInput;
}

export async function updateTenantSettings({ actor, input }: UpdateTenantSettingsOptions) {
  await inTransaction(async (tx) => {
    const given = (Object.keys(input) as (keyof UpdateTenantSettingsInput)[])
      .filter((field) => input[field] !== undefined)
      .map((field) => ({ ...COLUMNS[field], value: input[field] }));
    // Settings left out keep their values (or take the defaults in a new row); nothing given changes nothing.
    const onConflict = given.length
      ? `DO UPDATE SET ${given.map(({ column }) => `${column} = EXCLUDED.${column}`).join(', ')}, "updatedAt" = now()`
      : 'DO NOTHING';
    await tx.query(
      `INSERT INTO tenant_settings ("tenantId"${given.map(({ column }) => `, ${column}`).join('')})
       VALUES ($1::uuid${given.map(({ cast }, i) => `, $${i + 2}${cast}`).join('')})
       ON CONFLICT ("tenantId") ${onConflict}`,
      [actor.tenantId, ...given.map(({ value }) => value)],
    );
    await writeAudit(tx, {
      tenantId: actor.tenantId,
      actorUserId: actor.userId,
      action: 'settings.updated',
      entityType: 'tenant_settings',
      entityId: actor.tenantId,
      details: input,
    });
  });
  return getTenantSettings({ actor });
}
