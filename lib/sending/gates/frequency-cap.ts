import { formatAgo, formatNextTime } from '../../format/date-time';
import { frequencyKeyString, type FrequencyKey, type RecentMessage } from '../frequency-ledger';
import { PASS, type FrequencyCap, type Gate, type GateVerdict } from './gate';

const HOUR_MS = 3_600_000;
/** A job held because another job of its batch goes to the same person looks again after this. */
const SAME_BATCH_RETRY_MS = 60_000;

/** The cap as people say it: "1 message per 12 h", "3 messages per 7 days". */
export function describeFrequencyCap({ messages, hours }: FrequencyCap): string {
  return `${messages} ${messages === 1 ? 'message' : 'messages'} per ${windowText(hours)}`;
}

function windowText(hours: number): string {
  return hours % 24 === 0 ? `${hours / 24} ${hours === 24 ? 'day' : 'days'}` : `${hours} h`;
}

function heldReason(recent: readonly RecentMessage[], cap: FrequencyCap, until: Date, now: Date, timeZone: string) {
  const latest = recent[recent.length - 1];
  const had =
    recent.length === 1
      ? `had a message from '${latest.campaignName}' ${formatAgo(latest.at, now)}`
      : `had ${recent.length} messages in the last ${windowText(cap.hours)}, the latest from '${latest.campaignName}' ${formatAgo(latest.at, now)}`;
  return `${had}; next allowed ${formatNextTime(until, now, timeZone)}`;
}

/**
 * Gate 5: the workspace's frequency cap across campaigns — at most N marketing
 * messages per person per window (off by default). A person who has had N is held
 * until the message that fills their window leaves it. The ledger locks each
 * person it reads until the batch commits, so racing drains cannot both send to
 * one person; two jobs of one batch for one person let the first through and the
 * other look again a minute later, when the first has been handed over.
 */
export const frequencyCapGate: Gate = {
  name: 'frequency_cap',
  async check(jobs, { tenants, campaigns, frequency, now }) {
    const verdicts: GateVerdict[] = jobs.map(() => PASS);
    const keys = new Map<string, FrequencyKey>();
    for (const job of jobs) {
      const cap = tenants.get(job.tenantId)?.frequencyCap;
      if (!cap) continue;
      keys.set(frequencyKeyString(job.tenantId, job.toE164), {
        tenantId: job.tenantId,
        phoneE164: job.toE164,
        since: new Date(now.getTime() - cap.hours * HOUR_MS),
      });
    }
    if (!keys.size) return verdicts;
    const recent = await frequency.recent([...keys.values()]);
    const passing = new Map<string, { count: number; campaignName: string }>();
    jobs.forEach((job, index) => {
      const tenant = tenants.get(job.tenantId)!;
      const cap = tenant.frequencyCap;
      if (!cap) return;
      const key = frequencyKeyString(job.tenantId, job.toE164);
      const had = recent.get(key) ?? [];
      if (had.length >= cap.messages) {
        const until = new Date(had[had.length - cap.messages].at.getTime() + cap.hours * HOUR_MS);
        verdicts[index] = { kind: 'hold', until, reason: heldReason(had, cap, until, now, tenant.timeZone) };
        return;
      }
      const earlier = passing.get(key);
      if (earlier && had.length + earlier.count >= cap.messages) {
        verdicts[index] = {
          kind: 'hold',
          until: new Date(now.getTime() + SAME_BATCH_RETRY_MS),
          reason: `a message from '${earlier.campaignName}' is going to this person now; looked at again in a minute`,
        };
        return;
      }
      passing.set(key, {
        count: (earlier?.count ?? 0) + 1,
        campaignName: earlier?.campaignName ?? campaigns.get(job.campaignId)?.name ?? 'another campaign',
      });
    });
    return verdicts;
  },
};
