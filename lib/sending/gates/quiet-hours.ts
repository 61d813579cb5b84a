import { minutesToTime } from '../../time/time-of-day';
import { quietHoursUntil } from '../quiet-hours-until';
import { PASS, groupBy, type Gate, type GateVerdict } from './gate';

/**
 * Gate 6: no marketing at night (21:00–09:00 by default) in the recipient's own
 * time zone; for an Australian contact whose location is unknown, only while it is
 * daytime everywhere in Australia. Held jobs wait for the morning.
 */
export const quietHoursGate: Gate = {
  name: 'quiet_hours',
  check(jobs, { tenants, now }) {
    const verdicts: GateVerdict[] = jobs.map(() => PASS);
    for (const [, indexes] of groupBy(jobs, (j) => `${j.tenantId}|${j.zones.join(',')}`)) {
      const { tenantId, zones } = jobs[indexes[0]];
      const hours = tenants.get(tenantId)!.quietHours;
      const until = quietHoursUntil(now, zones, hours);
      if (!until) continue;
      const where = zones.length === 1 ? zones[0] : 'part of Australia (the contact’s location is unknown)';
      const verdict: GateVerdict = {
        kind: 'hold',
        until,
        reason: `quiet hours (${minutesToTime(hours.start)}–${minutesToTime(hours.end)}) in ${where}`,
      };
      for (const index of indexes) verdicts[index] = verdict;
    }
    return verdicts;
  },
};
