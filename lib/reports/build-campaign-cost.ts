import { figuresOf, spendOf } from '../campaign-stats/campaign-stats';
import type { CampaignReportData } from './campaign-report-scope';

export type BuildCampaignCostOptions = Pick<CampaignReportData, 'header' | 'stats'>;

export interface CampaignCost {
  /** What the provider took the campaign's messages for: parts × price per part at the time. */
  spentMicros: number;
  parts: number;
  pricePerPartMicros: number;
  /** The last dry run's estimate, when one was run. */
  estimateMicros: number | null;
  estimateMessages: number | null;
  perDeliveredMicros: number | null;
  perClickerMicros: number | null;
}

/** What the campaign cost beside what its dry run said it would, per delivered message and per person who clicked. */
export function buildCampaignCost({ header, stats }: BuildCampaignCostOptions): CampaignCost {
  const { costMicros: spent, parts } = spendOf(stats.jobs);
  const { delivered } = figuresOf(stats.jobs);
  const clickers = stats.clicks.reduce((n, c) => n + c.people, 0);
  return {
    spentMicros: spent,
    parts,
    pricePerPartMicros: header.pricePerPartMicros,
    estimateMicros: header.lastDryRunCostMicros,
    estimateMessages: header.lastDryRunMessages,
    perDeliveredMicros: delivered > 0 ? spent / delivered : null,
    perClickerMicros: clickers > 0 ? spent / clickers : null,
  };
}
