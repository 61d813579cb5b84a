import { warmUpDailyLimit } from '../../sending-numbers/warm-up-curve';
import { numberDayKey, usageKeyString } from '../usage-ledger';
import { PASS, groupBy } from './gate';
import type { Gate, GateContext, GateJob, GateVerdict, SendingNumberPolicy } from './gate';

const MINUTE = { windowSeconds: 60 };
const NO_NUMBER_RETRY_MS = 5 * 60_000;

/** Messages each number may still send today under its warm-up curve. */
async function warmUpRoom(jobs: readonly GateJob[], ctx: GateContext): Promise<Map<string, number>> {
  const numbers = new Map<string, { tenantId: string; number: SendingNumberPolicy }>();
  for (const job of jobs)
    for (const number of ctx.campaigns.get(job.campaignId)?.numbers ?? [])
      numbers.set(number.id, { tenantId: job.tenantId, number });
  const keys = [...numbers.values()].map(({ tenantId, number }) => ({
    id: number.id,
    key: numberDayKey(tenantId, number.id, ctx.now, ctx.tenants.get(tenantId)!.timeZone),
  }));
  const used = await ctx.usage.read(keys.map((k) => k.key));
  return new Map(
    keys.map(({ id, key }) => {
      const { number, tenantId } = numbers.get(id)!;
      const { limit } = warmUpDailyLimit({
        warmupStartedAt: number.warmupStartedAt,
        dailyCap: number.dailyCap,
        now: ctx.now,
        timeZone: ctx.tenants.get(tenantId)!.timeZone,
      });
      return [id, Math.max(0, limit - (used.get(usageKeyString(key)) ?? 0))];
    }),
  );
}

/**
 * Gate 7: messages per minute, per sending number (10 by default) and for the
 * whole tenant (100). It also picks each job's sending number, and says which in
 * the job's pass verdict: the batch is shared over the campaign's numbers, those
 * with the most warm-up room left today first, each up to what its per-minute
 * window grants, and what one cannot take goes to those that still can. Jobs
 * no number can take this minute wait for the next window; when no number has any
 * warm-up room left, the jobs go on to the warm-up gate, which holds them with
 * that reason.
 */
export const rateLimitsGate: Gate = {
  name: 'rate_limit',
  async check(jobs, ctx) {
    const verdicts: GateVerdict[] = jobs.map(() => PASS);
    const room = await warmUpRoom(jobs, ctx);
    const metered: number[] = [];
    for (const [campaignId, indexes] of groupBy(jobs, (j) => j.campaignId)) {
      const numbers = ctx.campaigns.get(campaignId)?.numbers ?? [];
      if (!numbers.length) {
        for (const index of indexes)
          verdicts[index] = {
            kind: 'hold',
            until: new Date(ctx.now.getTime() + NO_NUMBER_RETRY_MS),
            reason: 'the campaign has no active sending number',
          };
        continue;
      }
      const tenant = ctx.tenants.get(jobs[indexes[0]].tenantId)!;
      const waiting = [...indexes];
      let earliestReset = Infinity;
      // Two rounds over the numbers, most warm-up room first: the first gives each
      // its share of what is waiting, so a batch goes out from the whole pool at
      // once (each number at its own pace); the second lets numbers with window
      // left take what others could not.
      const ordered = [...numbers].sort((a, b) => (room.get(b.id) ?? 0) - (room.get(a.id) ?? 0));
      const windowLeft = new Map<string, boolean>();
      for (const round of ['share', 'fill'] as const) {
        for (const [position, number] of ordered.entries()) {
          if (!waiting.length || windowLeft.get(number.id) === false) continue;
          const share = round === 'share' ? Math.ceil(waiting.length / (ordered.length - position)) : waiting.length;
          const want = Math.min(share, room.get(number.id) ?? 0);
          if (want <= 0) continue;
          const grant = await ctx.rateLimits.take(
            `send:number:${number.id}`,
            { limit: tenant.numberRatePerMinute, ...MINUTE },
            want,
          );
          earliestReset = Math.min(earliestReset, grant.reset);
          if (grant.granted < want) windowLeft.set(number.id, false);
          room.set(number.id, (room.get(number.id) ?? 0) - grant.granted);
          for (const index of waiting.splice(0, grant.granted)) {
            verdicts[index] = { kind: 'pass', sendingNumberId: number.id };
            metered.push(index);
          }
        }
      }
      if (!waiting.length) continue;
      // With no warm-up room left on any number, warm-up is what stops these jobs:
      // they go on to that gate unmetered, and it holds them with its own reason.
      if (numbers.every((n) => (room.get(n.id) ?? 0) <= 0)) {
        for (const index of waiting) verdicts[index] = { kind: 'pass', sendingNumberId: numbers[0].id };
        continue;
      }
      for (const index of waiting) {
        verdicts[index] = {
          kind: 'hold',
          until: new Date(earliestReset),
          reason: `rate limit: ${tenant.numberRatePerMinute} messages a minute per sending number`,
        };
      }
    }
    for (const [tenantId, indexes] of groupBy(
      metered.map((i) => jobs[i]),
      (j) => j.tenantId,
    )) {
      const tenant = ctx.tenants.get(tenantId)!;
      const grant = await ctx.rateLimits.take(
        `send:tenant:${tenantId}`,
        { limit: tenant.tenantRatePerMinute, ...MINUTE },
        indexes.length,
      );
      for (const position of indexes.slice(grant.granted)) {
        verdicts[metered[position]] = {
          kind: 'hold',
          until: new Date(grant.reset),
          reason: `rate limit: ${tenant.tenantRatePerMinute} messages a minute for the workspace`,
        };
      }
    }
    return verdicts;
  },
};
