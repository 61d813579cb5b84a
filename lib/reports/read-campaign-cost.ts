import 'server-only';
import { pgPool } from '../db/pg-pool';
import { readCampaignHeader, type CampaignScope } from './campaign-report-scope';

export type ReadCampaignCostOptions = CampaignScope;

export interface CampaignCost {
  /** What the ledger holds for the campaign's messages: parts × price per part at the time. */
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
export async function readCampaignCost(scope: ReadCampaignCostOptions): Promise<CampaignCost> {
  const values = [scope.tenantId, scope.campaignId];
  const [header, spend, outcome] = await Promise.all([
    readCampaignHeader(scope),
    pgPool().query<{ spent: number; parts: number }>(
      `SELECT coalesce(sum(l."amountMicros"), 0)::float8 AS spent, coalesce(sum(j.parts), 0)::int AS parts
         FROM send_jobs j JOIN spend_ledger l ON l."sendJobId" = j.id
        WHERE j."tenantId" = $1::uuid AND j."campaignId" = $2::uuid`,
      values,
    ),
    pgPool().query<{ delivered: number; clickers: number }>(
      `SELECT (SELECT count(*) FROM send_jobs WHERE "tenantId" = $1::uuid AND "campaignId" = $2::uuid AND state = 'DELIVERED')::int AS delivered,
              (SELECT count(DISTINCT "shortLinkId") FROM clicks
                WHERE "tenantId" = $1::uuid AND "campaignId" = $2::uuid AND NOT "isBot")::int AS clickers`,
      values,
    ),
  ]);
  const { spent, parts } = spend.rows[0];
  const { delivered, clickers } = outcome.rows[0];
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
