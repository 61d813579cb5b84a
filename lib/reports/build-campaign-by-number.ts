import { figuresOf, isFailedState } from '../campaign-stats/campaign-stats';
import { deliveryRate } from '../sending/message-figures';
import type { CampaignReportData } from './campaign-report-scope';

export type BuildCampaignByNumberOptions = Pick<CampaignReportData, 'stats' | 'numbers'>;

export interface SendingNumberRow {
  number: string;
  sent: number;
  delivered: number;
  failed: number;
  deliveryRate: number | null;
  /** The error code this number met most, with how often. */
  topError: { code: string; count: number } | null;
}

/** Delivery by the number or sender ID that sent it: carriers filter per number, so one bad sender shows here. */
export function buildCampaignByNumber({ stats, numbers }: BuildCampaignByNumberOptions): SendingNumberRow[] {
  const ids = [...new Set(stats.jobs.map((j) => j.sendingNumberId))].filter((id): id is string => id !== null);
  const rows = ids.map((id) => {
    const jobs = stats.jobs.filter((j) => j.sendingNumberId === id);
    const figures = figuresOf(jobs);
    const errors = new Map<string, number>();
    for (const j of jobs)
      if (isFailedState(j.state) && j.errorCode) errors.set(j.errorCode, (errors.get(j.errorCode) ?? 0) + j.jobs);
    const [top] = [...errors.entries()].sort(([a, x], [b, y]) => y - x || a.localeCompare(b));
    return {
      number: numbers.get(id) ?? 'A number since removed',
      sent: figures.sent,
      delivered: figures.delivered,
      failed: figures.failed,
      deliveryRate: deliveryRate(figures),
      topError: top ? { code: top[0], count: top[1] } : null,
    };
  });
  return rows.sort((a, b) => b.sent - a.sent || a.number.localeCompare(b.number));
}
