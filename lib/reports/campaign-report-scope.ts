import 'server-only';
import { pgPool } from '../db/pg-pool';
import { AppError } from '../errors';

/** Which campaign a report figure is about; every report query takes it. */
export interface CampaignScope {
  tenantId: string;
  campaignId: string;
}

/** How long after its message a STOP or web unsubscribe still counts against a campaign. */
export const OPT_OUT_WINDOW_DAYS = 7;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The campaign's jobs that were handed to the provider, each joined to the opt-out
 * or reply of its recipient that it caused: one within the window after it was
 * sent, with no later message of any campaign to them before it (the most recent
 * message takes the credit). Reads the campaign's jobs by its index and each
 * recipient's events by (tenant, contact, time), never the workspace's rows.
 * $1 is the tenant, $2 the campaign.
 */
export const ATTRIBUTED_OPT_OUTS_SQL = `
  SELECT j.id AS "jobId", j."templateId", j."contactId", e."occurredAt", e.source
    FROM send_jobs j
    JOIN LATERAL (
      SELECT ce."occurredAt", ce.source FROM consent_events ce
       WHERE ce."tenantId" = $1::uuid AND ce."contactId" = j."contactId" AND ce.action = 'OPTED_OUT'
         AND ce.source IN ('stop_reply', 'advanced_opt_out', 'web_unsubscribe')
         AND ce."occurredAt" >= j."sentAt" AND ce."occurredAt" < j."sentAt" + interval '${OPT_OUT_WINDOW_DAYS} days'
       ORDER BY ce."occurredAt" LIMIT 1
    ) e ON true
   WHERE j."tenantId" = $1::uuid AND j."campaignId" = $2::uuid AND j."sentAt" IS NOT NULL
     AND NOT EXISTS (
       SELECT 1 FROM send_jobs later
        WHERE later."tenantId" = $1::uuid AND later."contactId" = j."contactId" AND later.id <> j.id
          AND later."sentAt" > j."sentAt" AND later."sentAt" <= e."occurredAt")`;

/** Like ATTRIBUTED_OPT_OUTS_SQL, for the recipient's first ordinary reply (not STOP, START or HELP). */
export const ATTRIBUTED_REPLIES_SQL = `
  SELECT j.id AS "jobId", j."templateId", j."contactId", m."receivedAt" AS "occurredAt", m.replies
    FROM send_jobs j
    JOIN LATERAL (
      SELECT min(im."receivedAt") AS "receivedAt", count(*)::int AS replies FROM inbound_messages im
       WHERE im."tenantId" = $1::uuid AND im."contactId" = j."contactId" AND im.keyword = 'NONE'
         AND im."receivedAt" >= j."sentAt" AND im."receivedAt" < j."sentAt" + interval '${OPT_OUT_WINDOW_DAYS} days'
    ) m ON m."receivedAt" IS NOT NULL
   WHERE j."tenantId" = $1::uuid AND j."campaignId" = $2::uuid AND j."sentAt" IS NOT NULL
     AND NOT EXISTS (
       SELECT 1 FROM send_jobs later
        WHERE later."tenantId" = $1::uuid AND later."contactId" = j."contactId" AND later.id <> j.id
          AND later."sentAt" > j."sentAt" AND later."sentAt" <= m."receivedAt")`;

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
