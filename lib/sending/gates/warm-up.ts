import { warmUpDailyLimit } from '../../sending-numbers/warm-up-curve';
import { startOfNextLocalDay } from '../../time/zoned-time';
import { numberDayKey, usageKeyString } from '../usage-ledger';
import { PASS, groupBy, type Gate, type GateVerdict } from './gate';

/**
 * Gate 8: a new sending number builds its reputation with carriers slowly —
 * 50, 100, 200 and 300 messages on its first four local days, then its steady
 * daily cap. Jobs past today's limit wait for the number's next local day.
 */
export const warmUpGate: Gate = {
  name: 'warm_up',
  async check(jobs, { tenants, campaigns, usage, now }) {
    const verdicts: GateVerdict[] = jobs.map(() => PASS);
    const groups = [...groupBy(jobs, (j) => j.sendingNumberId)].filter(([id]) => id !== null) as [string, number[]][];
    const keys = new Map(
      groups.map(([id, indexes]) => {
        const job = jobs[indexes[0]];
        return [id, numberDayKey(job.tenantId, id, now, tenants.get(job.tenantId)!.timeZone)];
      }),
    );
    const used = await usage.read([...keys.values()]);
    for (const [numberId, indexes] of groups) {
      const job = jobs[indexes[0]];
      const timeZone = tenants.get(job.tenantId)!.timeZone;
      const number = campaigns.get(job.campaignId)?.numbers.find((n) => n.id === numberId);
      if (!number) continue;
      const { limit, day, warmingUp } = warmUpDailyLimit({
        warmupStartedAt: number.warmupStartedAt,
        dailyCap: number.dailyCap,
        now,
        timeZone,
      });
      const room = Math.max(0, limit - (used.get(usageKeyString(keys.get(numberId)!)) ?? 0));
      const reason = warmingUp
        ? `warm-up: ${number.value} may send ${limit} messages on day ${day} of its warm-up`
        : `daily cap: ${number.value} may send ${limit} messages a day`;
      for (const index of indexes.slice(room)) {
        verdicts[index] = { kind: 'hold', until: startOfNextLocalDay(now, timeZone), reason };
      }
    }
    return verdicts;
  },
};
