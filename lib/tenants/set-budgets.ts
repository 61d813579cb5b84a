import 'server-only';
import type { Actor } from '../auth/actor';
import { writeAudit } from '../auth/audit';
import { inTransaction } from '../db/transaction';
import { getBudgets } from './get-budgets';
import type { BudgetsInput } from './schemas';

export interface SetBudgetsOptions {
  actor: Actor;
  input: BudgetsInput;
}

/** Sets or removes the daily and monthly caps; the budget gate reads them on every batch. */
export async function setBudgets({ actor, input }: SetBudgetsOptions) {
  await inTransaction(async (tx) => {
    for (const [period, dollars] of [
      ['DAILY', input.dailyCapDollars],
      ['MONTHLY', input.monthlyCapDollars],
    ] as const) {
      if (dollars === null) {
        await tx.query(`DELETE FROM budgets WHERE "tenantId" = $1::uuid AND period = $2::"BudgetPeriod"`, [
          actor.tenantId,
          period,
        ]);
        continue;
      }
      const capMicros = BigInt(Math.round(dollars * 1_000_000));
      await tx.query(
        `INSERT INTO budgets ("tenantId", period, "capMicros") VALUES ($1::uuid, $2::"BudgetPeriod", $3::bigint)
         ON CONFLICT ("tenantId", period) DO UPDATE SET "capMicros" = EXCLUDED."capMicros", "updatedAt" = now()`,
        [actor.tenantId, period, capMicros.toString()],
      );
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
