import { formatCount } from '../format/number';
import { WARM_UP_CURVE, warmUpDailyLimit } from '../sending-numbers/warm-up-curve';
import { instantAt, localTime } from '../time/zoned-time';
import type { QuietHours } from './quiet-hours-until';

export interface FinishInputs {
  now: Date;
  /** The tenant's zone: the sending day is its daytime. */
  timeZone: string;
  quietHours: QuietHours;
  messages: number;
  perMinute: number;
  numbers: { warmupStartedAt: Date; dailyCap: number; usedToday: number }[];
  averageCostMicros: number;
  dailyBudgetMicros: number | null;
  spentTodayMicros: number;
  monthlyBudgetMicros: number | null;
  spentThisMonthMicros: number;
}

export interface FinishEstimate {
  finishAt: Date | null;
  /** What sets the pace, in words, most binding first. */
  limits: string[];
}

const MAX_DAYS = 400;

/** The sending window of a local day: from the end of quiet hours to their start. */
function windowOf(
  day: { year: number; month: number; day: number },
  zone: string,
  hours: QuietHours,
): { start: Date; end: Date } {
  if (hours.start === hours.end)
    return { start: instantAt(day, zone), end: instantAt({ ...day, day: day.day + 1 }, zone) };
  const at = (minutes: number, offset = 0) =>
    instantAt({ ...day, day: day.day + offset, hour: Math.floor(minutes / 60), minute: minutes % 60 }, zone);
  return hours.start > hours.end
    ? { start: at(hours.end), end: at(hours.start) }
    : { start: at(hours.end), end: at(hours.start, 1) };
}

/**
 * When the last message of a campaign should go, stepping one local day at a
 * time: each day sends what the per-minute pace fits into its daytime, capped by
 * the numbers' warm-up limits and the daily and monthly budgets.
 */
export function estimateFinish(input: FinishInputs): FinishEstimate {
  const limits = new Set<string>();
  if (input.messages <= 0) return { finishAt: input.now, limits: [] };
  if (input.perMinute <= 0 || !input.numbers.length) return { finishAt: null, limits: ['no sending number can send'] };
  let remaining = input.messages;
  let spentMonth = input.spentThisMonthMicros;
  const cost = Math.max(1, input.averageCostMicros);
  const today = localTime(input.now, input.timeZone);
  let month = today.month;
  for (let d = 0; d < MAX_DAYS; d += 1) {
    const date = localTime(
      instantAt({ year: today.year, month: today.month, day: today.day + d, hour: 12 }, input.timeZone),
      input.timeZone,
    );
    if (date.month !== month) {
      month = date.month;
      spentMonth = 0;
    }
    const window = windowOf(date, input.timeZone, input.quietHours);
    const start = window.start > input.now ? window.start : input.now;
    if (start >= window.end) continue;
    const byPace = Math.floor(((window.end.getTime() - start.getTime()) / 60_000) * input.perMinute);
    let warmingUp = false;
    const byNumbers = input.numbers.reduce((sum, n) => {
      const allowance = warmUpDailyLimit({
        warmupStartedAt: n.warmupStartedAt,
        dailyCap: n.dailyCap,
        now: start,
        timeZone: input.timeZone,
      });
      // A warm-up allowance that is the number's whole cap anyway is the cap, not the warm-up.
      if (allowance.warmingUp && allowance.limit < n.dailyCap) warmingUp = true;
      return sum + Math.max(0, allowance.limit - (d === 0 ? n.usedToday : 0));
    }, 0);
    const byDailyBudget =
      input.dailyBudgetMicros === null
        ? Infinity
        : Math.floor((input.dailyBudgetMicros - (d === 0 ? input.spentTodayMicros : 0)) / cost);
    const byMonthlyBudget =
      input.monthlyBudgetMicros === null ? Infinity : Math.floor((input.monthlyBudgetMicros - spentMonth) / cost);
    const capacity = Math.max(0, Math.min(byPace, byNumbers, byDailyBudget, byMonthlyBudget));
    const pace = `the pace of ${formatCount(input.perMinute)} messages a minute within daytime hours`;
    if (remaining <= capacity) {
      // The day's last messages go at the pace; a limit only counts where it held messages over to another day.
      if (limits.size === 0) limits.add(pace);
      return {
        finishAt: new Date(start.getTime() + Math.ceil(remaining / input.perMinute) * 60_000),
        limits: [...limits],
      };
    }
    if (capacity === byNumbers && byNumbers < byPace)
      limits.add(
        warmingUp
          ? `the warm-up of new sending numbers (${WARM_UP_CURVE.join(', ')} messages on their first days; an admin can mark a number already established in Settings)`
          : 'the sending numbers’ daily caps',
      );
    if (capacity === byDailyBudget && byDailyBudget < byPace) limits.add('the daily budget');
    if (capacity === byMonthlyBudget && byMonthlyBudget < byPace) limits.add('the monthly budget');
    if (capacity === byPace) limits.add(pace);
    remaining -= capacity;
    spentMonth += capacity * cost;
  }
  return { finishAt: null, limits: [...limits, `more than ${MAX_DAYS} days at these limits`] };
}
