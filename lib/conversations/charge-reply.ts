import 'server-only';
import type { Tx } from '../db/transaction';
import type { UsageKey } from '../sending/usage-ledger';
import { lockedUsageLedger, spendKeys, usageKeyString } from '../sending/usage-ledger';
import type { ReplyAssessment } from './assess-reply';

export type ReplyCharge = { key: UsageKey; amount: number }[];

export interface ChargeReplyOptions {
  tenantId: string;
  assessment: ReplyAssessment;
  now: Date;
}

/**
 * Counts a reply's cost against today's and this month's budgets under the
 * counter lock, so a reply and a drain can never both spend the last dollar.
 * Answers the charge to give back if the provider refuses, or why the budget
 * cannot pay (and then charges nothing).
 */
export async function chargeReply(
  tx: Tx,
  { tenantId, assessment, now }: ChargeReplyOptions,
): Promise<{ ok: true; charge: ReplyCharge } | { ok: false; reason: string }> {
  const spend = spendKeys(tenantId, now, assessment.timeZone);
  const ledger = lockedUsageLedger(tx);
  const used = await ledger.read([spend.day, spend.month]);
  const over = (cap: number | null, key: UsageKey) =>
    cap !== null && (used.get(usageKeyString(key)) ?? 0) + assessment.costMicros > cap;
  if (over(assessment.dailyBudgetMicros, spend.day))
    return { ok: false, reason: "Today's budget is spent, so no reply can go until tomorrow or an admin raises it." };
  if (over(assessment.monthlyBudgetMicros, spend.month))
    return { ok: false, reason: "This month's budget is spent, so no reply can go until an admin raises it." };
  const charge = [
    { key: spend.day, amount: assessment.costMicros },
    { key: spend.month, amount: assessment.costMicros },
  ];
  await ledger.add(charge);
  return { ok: true, charge };
}
