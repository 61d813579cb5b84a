import { figuresOf, spendOf } from '../campaign-stats/campaign-stats';
import { deliveryRate } from '../sending/message-figures';
import type { CampaignReportData } from './campaign-report-scope';
import { compareClickRates, type ClickRateVerdict } from './compare-click-rates';

export type BuildCampaignMessagesOptions = Pick<CampaignReportData, 'stats' | 'templates'>;

export interface CampaignMessageRow {
  templateId: string;
  /** Message A, B… in the order the campaign lists them. */
  label: string;
  body: string;
  sends: number;
  delivered: number;
  deliveryRate: number | null;
  clicked: number;
  clickRate: number | null;
  optedOut: number;
  optOutRate: number | null;
  costMicros: number;
}

export interface CampaignMessages {
  rows: CampaignMessageRow[];
  verdict: ClickRateVerdict;
}

const letter = (i: number) => String.fromCharCode(65 + (i % 26));

/** Each of the campaign's messages (A/B) with its outcomes, and which got more people to click. */
export function buildCampaignMessages({ stats, templates }: BuildCampaignMessagesOptions): CampaignMessages {
  const rows = templates.map((t, i): CampaignMessageRow => {
    const jobs = stats.jobs.filter((j) => j.templateId === t.id);
    const figures = figuresOf(jobs);
    const clicked = stats.clicks.filter((c) => c.templateId === t.id).reduce((n, c) => n + c.people, 0);
    const optedOut = stats.attributions
      .filter((a) => a.kind === 'opt_out' && a.templateId === t.id)
      .reduce((n, a) => n + a.people, 0);
    const { delivered } = figures;
    return {
      templateId: t.id,
      label: `Message ${letter(i)}`,
      body: t.body,
      sends: figures.sent,
      delivered,
      deliveryRate: jobs.length ? deliveryRate(figures) : null,
      clicked,
      clickRate: delivered > 0 ? clicked / delivered : null,
      optedOut,
      optOutRate: delivered > 0 ? optedOut / delivered : null,
      costMicros: spendOf(jobs).costMicros,
    };
  });
  return {
    rows,
    verdict: compareClickRates({
      samples: rows.map((r) => ({ label: r.label, clicked: r.clicked, delivered: r.delivered })),
    }),
  };
}
