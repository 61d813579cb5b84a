import { figuresOf, jobsIn } from '../campaign-stats/campaign-stats';
import { deliveryRate, type MessageFigures } from '../sending/message-figures';
import type { CampaignReportData } from './campaign-report-scope';

export type BuildCampaignFunnelOptions = Pick<CampaignReportData, 'header' | 'stats'>;

export interface FunnelStep {
  key: 'audience' | 'queued' | 'sent' | 'delivered' | 'clicked' | 'replied' | 'optedOut';
  label: string;
  count: number | null;
  /** The share of the step it is measured against (delivered over sent; the rest over delivered). */
  rate: number | null;
  rateOf: string | null;
}

export interface CampaignFunnel {
  figures: MessageFigures;
  steps: FunnelStep[];
}

const share = (count: number, of: number) => (of > 0 ? count / of : null);

/** The campaign from its audience to the people it lost: each step's count and its rate. */
export function buildCampaignFunnel({ header, stats }: BuildCampaignFunnelOptions): CampaignFunnel {
  const figures = figuresOf(stats.jobs);
  const { delivered } = figures;
  const clicked = stats.clicks.reduce((n, c) => n + c.people, 0);
  const peopleWho = (kind: 'opt_out' | 'reply') =>
    stats.attributions.filter((a) => a.kind === kind).reduce((n, a) => n + a.people, 0);
  const replied = peopleWho('reply');
  const optedOut = peopleWho('opt_out');
  return {
    figures,
    steps: [
      { key: 'audience', label: 'Audience', count: header.audience, rate: null, rateOf: null },
      { key: 'queued', label: 'Queued', count: jobsIn(stats.jobs), rate: null, rateOf: null },
      { key: 'sent', label: 'Sent', count: figures.sent, rate: null, rateOf: null },
      {
        key: 'delivered',
        label: 'Delivered',
        count: delivered,
        rate: deliveryRate(figures),
        rateOf: 'of sent with a final report',
      },
      {
        key: 'clicked',
        label: 'Clicked (people)',
        count: clicked,
        rate: share(clicked, delivered),
        rateOf: 'of delivered',
      },
      { key: 'replied', label: 'Replied', count: replied, rate: share(replied, delivered), rateOf: 'of delivered' },
      {
        key: 'optedOut',
        label: 'Opted out',
        count: optedOut,
        rate: share(optedOut, delivered),
        rateOf: 'of delivered',
      },
    ],
  };
}
