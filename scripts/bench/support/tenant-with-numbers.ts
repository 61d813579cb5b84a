import { db } from '../../../lib/db/client';

/**
 * A workspace that sends as fast as the drain can: rate limits and budgets out of
 * the way, seasoned numbers with room for any day's volume. A per-number rate below
 * the default turns quiet hours off, for runs on the real clock at any hour.
 */
export async function tenantWithNumbers(slug: string, numbers: number, numberRatePerMinute = 10_000_000) {
  const tenant = await db().tenant.create({
    data: {
      slug,
      name: slug,
      settings: {
        create: {
          tenantRatePerMinute: 10_000_000,
          numberRatePerMinute,
          senderName: 'Bench',
          // No quiet hours: the carrier runs use the real clock, whatever the hour.
          ...(numberRatePerMinute === 10_000_000 ? {} : { quietHoursStart: 0, quietHoursEnd: 0 }),
        },
      },
    },
    select: { id: true },
  });
  await db().budget.createMany({
    data: [
      { tenantId: tenant.id, period: 'DAILY', capMicros: 10n ** 15n },
      { tenantId: tenant.id, period: 'MONTHLY', capMicros: 10n ** 16n },
    ],
  });
  const ids: string[] = [];
  for (let i = 0; i < numbers; i += 1) {
    const n = await db().sendingNumber.create({
      data: {
        tenantId: tenant.id,
        value: `+614${String(slug.length * 1000 + i).padStart(8, '0')}`,
        kind: 'LONG_CODE',
        warmupStartedAt: new Date('2026-01-01T00:00:00Z'),
        dailyCap: 100_000_000,
      },
      select: { id: true },
    });
    ids.push(n.id);
  }
  return { tenantId: tenant.id, numberIds: ids };
}
