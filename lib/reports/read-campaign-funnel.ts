import 'server-only';
import { pgPool } from '../db/pg-pool';
import { MESSAGE_FIGURES_SQL, deliveryRate, type MessageFigures } from '../sending/message-figures';
import {
  ATTRIBUTED_OPT_OUTS_SQL,
  ATTRIBUTED_REPLIES_SQL,
  readCampaignHeader,
  type CampaignScope,
} from './campaign-report-scope';

export type ReadCampaignFunnelOptions = CampaignScope;

export interface FunnelStep {
  key: 'audience' | 'queued' | 'sent' | 'delivered' | 'clicked' | 'replied' | 'optedOut';
  label: string;
  count: number | null;
  /** The share of the step it is measured against (delivered over sent; the rest over delivered). */
  rate: number | null;
  rateOf: string | null;
}

export interface CampaignFunnel {
  figures: MessageFigures & { total: number };
  steps: FunnelStep[];
}

const share = (count: number, of: number) => (of > 0 ? count / of : null);

/** The campaign from its audience to the people it lost: each step's count and its rate. */
export async function readCampaignFunnel(scope: ReadCampaignFunnelOptions): Promise<CampaignFunnel> {
  const values = [scope.tenantId, scope.campaignId];
  const [header, jobs, clicks, optOuts, replies] = await Promise.all([
    readCampaignHeader(scope),
    pgPool().query<MessageFigures & { total: number }>(
      `SELECT count(*)::int AS total, ${MESSAGE_FIGURES_SQL}
         FROM send_jobs WHERE "tenantId" = $1::uuid AND "campaignId" = $2::uuid`,
      values,
    ),
    pgPool().query<{ people: number }>(
      `SELECT count(DISTINCT "shortLinkId")::int AS people
         FROM clicks WHERE "tenantId" = $1::uuid AND "campaignId" = $2::uuid AND NOT "isBot"`,
      values,
    ),
    pgPool().query<{ people: number }>(
      `SELECT count(DISTINCT "contactId")::int AS people FROM (${ATTRIBUTED_OPT_OUTS_SQL}) o`,
      values,
    ),
    pgPool().query<{ people: number }>(
      `SELECT count(DISTINCT "contactId")::int AS people FROM (${ATTRIBUTED_REPLIES_SQL}) r`,
      values,
    ),
  ]);
  const figures = jobs.rows[0];
  const { delivered } = figures;
  const clicked = clicks.rows[0].people;
  const replied = replies.rows[0].people;
  const optedOut = optOuts.rows[0].people;
  return {
    figures,
    steps: [
      { key: 'audience', label: 'Audience', count: header.audience, rate: null, rateOf: null },
      { key: 'queued', label: 'Queued', count: figures.total, rate: null, rateOf: null },
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
