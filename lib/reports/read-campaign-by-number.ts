import 'server-only';
import { pgPool } from '../db/pg-pool';
import { deliveryRate } from '../sending/message-figures';
import type { CampaignScope } from './campaign-report-scope';

export type ReadCampaignByNumberOptions = CampaignScope;

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
export async function readCampaignByNumber(scope: ReadCampaignByNumberOptions): Promise<SendingNumberRow[]> {
  const values = [scope.tenantId, scope.campaignId];
  const [figures, errors] = await Promise.all([
    pgPool().query<{
      number: string | null;
      sent: number;
      delivered: number;
      failed: number;
      failedAfterSending: number;
    }>(
      `SELECT n.value AS number, f.sent, f.delivered, f.failed, f."failedAfterSending"
         FROM (SELECT "sendingNumberId",
                      count(*) FILTER (WHERE "providerMessageId" IS NOT NULL)::int AS sent,
                      count(*) FILTER (WHERE state = 'DELIVERED')::int AS delivered,
                      count(*) FILTER (WHERE state IN ('FAILED', 'UNDELIVERED'))::int AS failed,
                      count(*) FILTER (WHERE state IN ('FAILED', 'UNDELIVERED') AND "providerMessageId" IS NOT NULL)::int AS "failedAfterSending"
                 FROM send_jobs WHERE "tenantId" = $1::uuid AND "campaignId" = $2::uuid AND "sendingNumberId" IS NOT NULL
                GROUP BY "sendingNumberId") f
         LEFT JOIN sending_numbers n ON n.id = f."sendingNumberId" AND n."tenantId" = $1::uuid
        ORDER BY f.sent DESC, n.value`,
      values,
    ),
    pgPool().query<{ number: string | null; code: string; count: number }>(
      `SELECT DISTINCT ON (n.value) n.value AS number, e.code, e.count
         FROM (SELECT "sendingNumberId", "errorCode" AS code, count(*)::int AS count
                 FROM send_jobs WHERE "tenantId" = $1::uuid AND "campaignId" = $2::uuid
                  AND state IN ('FAILED', 'UNDELIVERED') AND "errorCode" IS NOT NULL
                GROUP BY 1, 2) e
         JOIN sending_numbers n ON n.id = e."sendingNumberId"
        ORDER BY n.value, e.count DESC, e.code`,
      values,
    ),
  ]);
  const topOf = new Map(errors.rows.map((e) => [e.number, { code: e.code, count: e.count }]));
  return figures.rows.map((r) => ({
    number: r.number ?? 'A number since removed',
    sent: r.sent,
    delivered: r.delivered,
    failed: r.failed,
    deliveryRate: deliveryRate({ ...r, waiting: 0, awaitingReport: 0, skipped: 0 }),
    topError: topOf.get(r.number) ?? null,
  }));
}
