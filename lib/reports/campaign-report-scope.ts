import 'server-only';
import { pgPool } from '../db/pg-pool';
import type { CampaignScope, CampaignStats } from '../campaign-stats/campaign-stats';
import { AppError } from '../errors';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface CampaignHeader {
  name: string;
  launchedAt: Date | null;
  completedAt: Date | null;
  timeZone: string;
  pricePerPartMicros: number;
  audience: number | null;
  lastDryRunMessages: number | null;
  lastDryRunCostMicros: number | null;
}

/** The campaign's name, launch facts and workspace settings the figures are read with; not found for another tenant's. */
export async function readCampaignHeader({ tenantId, campaignId }: CampaignScope): Promise<CampaignHeader> {
  if (!UUID.test(campaignId)) throw new AppError('not_found', 'That campaign does not exist in this workspace.');
  const { rows } = await pgPool().query<
    CampaignHeader & { launchSummary: { queued?: unknown; excluded?: unknown } | null }
  >(
    `SELECT c.name, c."launchedAt", c."completedAt", c."launchSummary",
            coalesce(s."timeZone", 'Australia/Sydney') AS "timeZone", coalesce(s."pricePerPartMicros", 55000) AS "pricePerPartMicros",
            c."lastDryRunMessages", c."lastDryRunCostMicros"::float8 AS "lastDryRunCostMicros"
       FROM campaigns c LEFT JOIN tenant_settings s ON s."tenantId" = c."tenantId"
      WHERE c.id = $1::uuid AND c."tenantId" = $2::uuid`,
    [campaignId, tenantId],
  );
  const row = rows[0];
  if (!row) throw new AppError('not_found', 'That campaign does not exist in this workspace.');
  const summary = row.launchSummary;
  let audience: number | null = null;
  if (summary && typeof summary.queued === 'number') {
    const excluded = summary.excluded && typeof summary.excluded === 'object' ? Object.values(summary.excluded) : [];
    audience = summary.queued + excluded.reduce<number>((sum, n) => sum + (typeof n === 'number' ? n : 0), 0);
  }
  return {
    name: row.name,
    launchedAt: row.launchedAt,
    completedAt: row.completedAt,
    timeZone: row.timeZone,
    pricePerPartMicros: row.pricePerPartMicros,
    audience,
    lastDryRunMessages: row.lastDryRunMessages,
    lastDryRunCostMicros: row.lastDryRunCostMicros,
  };
}

/** What a campaign's report is built from: its header, the aggregates and the names they refer to. */
export interface CampaignReportData {
  header: CampaignHeader;
  stats: CampaignStats;
  /** The campaign's messages in the order it lists them. */
  templates: { id: string; body: string }[];
  /** The workspace's sending numbers by id. */
  numbers: Map<string, string>;
}
