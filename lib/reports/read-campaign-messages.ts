import 'server-only';
import { pgPool } from '../db/pg-pool';
import { MESSAGE_FIGURES_SQL, deliveryRate, type MessageFigures } from '../sending/message-figures';
import { ATTRIBUTED_OPT_OUTS_SQL, type CampaignScope } from './campaign-report-scope';
import { compareClickRates, type ClickRateVerdict } from './compare-click-rates';

export type ReadCampaignMessagesOptions = CampaignScope;

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
export async function readCampaignMessages(scope: ReadCampaignMessagesOptions): Promise<CampaignMessages> {
  const values = [scope.tenantId, scope.campaignId];
  const [templates, jobs, spend, clicks, optOuts] = await Promise.all([
    pgPool().query<{ id: string; body: string }>(
      `SELECT id, body FROM templates WHERE "tenantId" = $1::uuid AND "campaignId" = $2::uuid ORDER BY position, "createdAt"`,
      values,
    ),
    pgPool().query<MessageFigures & { templateId: string }>(
      `SELECT "templateId", ${MESSAGE_FIGURES_SQL}
         FROM send_jobs WHERE "tenantId" = $1::uuid AND "campaignId" = $2::uuid GROUP BY "templateId"`,
      values,
    ),
    pgPool().query<{ templateId: string; costMicros: number }>(
      `SELECT j."templateId", sum(l."amountMicros")::float8 AS "costMicros"
         FROM send_jobs j JOIN spend_ledger l ON l."sendJobId" = j.id
        WHERE j."tenantId" = $1::uuid AND j."campaignId" = $2::uuid GROUP BY j."templateId"`,
      values,
    ),
    pgPool().query<{ templateId: string; people: number }>(
      `SELECT j."templateId", count(DISTINCT k."shortLinkId")::int AS people
         FROM clicks k JOIN short_links s ON s.id = k."shortLinkId" JOIN send_jobs j ON j.id = s."sendJobId"
        WHERE k."tenantId" = $1::uuid AND k."campaignId" = $2::uuid AND NOT k."isBot" GROUP BY j."templateId"`,
      values,
    ),
    pgPool().query<{ templateId: string; people: number }>(
      `SELECT "templateId", count(DISTINCT "contactId")::int AS people FROM (${ATTRIBUTED_OPT_OUTS_SQL}) o GROUP BY "templateId"`,
      values,
    ),
  ]);
  const jobsOf = new Map(jobs.rows.map((r) => [r.templateId, r]));
  const spendOf = new Map(spend.rows.map((r) => [r.templateId, r.costMicros]));
  const clicksOf = new Map(clicks.rows.map((r) => [r.templateId, r.people]));
  const optOutsOf = new Map(optOuts.rows.map((r) => [r.templateId, r.people]));
  const rows = templates.rows.map((t, i): CampaignMessageRow => {
    const figures = jobsOf.get(t.id);
    const delivered = figures?.delivered ?? 0;
    const clicked = clicksOf.get(t.id) ?? 0;
    const optedOut = optOutsOf.get(t.id) ?? 0;
    return {
      templateId: t.id,
      label: `Message ${letter(i)}`,
      body: t.body,
      sends: figures?.sent ?? 0,
      delivered,
      deliveryRate: figures ? deliveryRate(figures) : null,
      clicked,
      clickRate: delivered > 0 ? clicked / delivered : null,
      optedOut,
      optOutRate: delivered > 0 ? optedOut / delivered : null,
      costMicros: spendOf.get(t.id) ?? 0,
    };
  });
  return {
    rows,
    verdict: compareClickRates({
      samples: rows.map((r) => ({ label: r.label, clicked: r.clicked, delivered: r.delivered })),
    }),
  };
}
