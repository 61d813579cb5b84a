import 'server-only';
import type { CampaignScope } from '../campaign-stats/campaign-stats';
import { readCampaignStats } from '../campaign-stats/read-campaign-stats';
import { pgPool } from '../db/pg-pool';
import { buildCampaignByNumber } from './build-campaign-by-number';
import { buildCampaignByRegion } from './build-campaign-by-region';
import { buildCampaignCost } from './build-campaign-cost';
import { buildCampaignFailures } from './build-campaign-failures';
import { buildCampaignFunnel } from './build-campaign-funnel';
import { buildCampaignMessages } from './build-campaign-messages';
import { buildCampaignOptOuts } from './build-campaign-opt-outs';
import { buildCampaignTimeline } from './build-campaign-timeline';
import { readCampaignHeader, type CampaignReportData } from './campaign-report-scope';

export type ReadCampaignReportOptions = CampaignScope;

/**
 * Every section of a campaign's report, from its aggregates (a few hundred rows
 * whatever the campaign's size) and the names they refer to; not found for
 * another workspace's campaign.
 */
export async function readCampaignReport(scope: ReadCampaignReportOptions) {
  const header = await readCampaignHeader(scope);
  const [stats, templates, numbers] = await Promise.all([
    readCampaignStats(scope),
    pgPool().query<{ id: string; body: string }>(
      `SELECT id, body FROM templates WHERE "tenantId" = $1::uuid AND "campaignId" = $2::uuid ORDER BY position, "createdAt"`,
      [scope.tenantId, scope.campaignId],
    ),
    pgPool().query<{ id: string; value: string }>(`SELECT id, value FROM sending_numbers WHERE "tenantId" = $1::uuid`, [
      scope.tenantId,
    ]),
  ]);
  const data: CampaignReportData = {
    header,
    stats,
    templates: templates.rows,
    numbers: new Map(numbers.rows.map((n) => [n.id, n.value])),
  };
  return {
    header,
    funnel: buildCampaignFunnel(data),
    messages: buildCampaignMessages(data),
    optOuts: buildCampaignOptOuts(data),
    failures: buildCampaignFailures(data),
    cost: buildCampaignCost(data),
    timeline: buildCampaignTimeline(data),
    regions: buildCampaignByRegion(data),
    numbers: buildCampaignByNumber(data),
  };
}

export type CampaignReport = Awaited<ReturnType<typeof readCampaignReport>>;
