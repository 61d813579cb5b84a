import type { Actor } from '../auth/actor';
import { writeAudit } from '../auth/audit';
import { db } from '../db/client';
import { getBudgets } from './get-budgets';
import type { BudgetsInput } from './schemas';

/** Sets or removes the daily and monthly caps; the budget gate reads them on every batch. */
export async function setBudgets({ actor, input }: { actor: Actor; input: BudgetsInput }) {
  await db().$transaction(async (tx) => {
    for (const [period, dollars] of [
      ['DAILY', input.dailyCapDollars],
      ['MONTHLY', input.monthlyCapDollars],
    ] as const) {
      if (dollars === null) {
        await tx.budget.deleteMany({ where: { tenantId: actor.tenantId, period } });
        continue;
      }
      const capMicros = BigInt(Math.round(dollars * 1_000_000));
      await tx.budget.upsert({
        where: { tenantId_period: { tenantId: actor.tenantId, period } },
        create: { tenantId: actor.tenantId, period, capMicros },
        update: { capMicros },
      });
    }
    await writeAudit(tx, {
      tenantId: actor.tenantId,
      actorUserId: actor.userId,
      action: 'budgets.updated',
      entityType: 'budget',
      entityId: actor.tenantId,
      details: input,
    });
  });
  return getBudgets({ actor });
}
