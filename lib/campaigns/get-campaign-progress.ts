import 'server-only';
import type { Actor } from '../auth/actor';
import { pgPool } from '../db/pg-pool';
import { AppError } from '../errors';
import { figuresOf, spendOf } from '../campaign-stats/campaign-stats';
import { readCampaignJobCounts } from '../campaign-stats/read-campaign-job-counts';
import { readHeldReasons } from '../campaign-stats/read-held-reasons';
import { deliveryRate, type MessageFigures } from '../sending/message-figures';
import { EXCLUSION_LABELS, type ExclusionReason } from '../audiences/audience';
import { CAMPAIGN_NOT_FOUND } from './get-campaign';
import { CampaignIdSchema } from './schemas';

export interface CampaignProgress {
  status: string;
  pausedReason: string | null;
  /** Every job counted once: held jobs are not also queued. */
  counts: {
    queued: number;
    sending: number;
    sent: number;
    delivered: number;
    failed: number;
    held: number;
    skipped: number;
  };
  held: { reason: string; count: number; until: string | null }[];
  skipped: { reason: string; count: number }[];
  spentMicros: number;
  /** The campaign's figures as every other screen counts them. */
  figures: MessageFigures;
  deliveryRate: number | null;
}

export interface GetCampaignProgressOptions {
  actor: Actor;
  campaignId: string;
}

/** Where a campaign stands, for the page that polls it while the queue drains. */
export async function getCampaignProgress({
  actor,
  campaignId,
}: GetCampaignProgressOptions): Promise<CampaignProgress> {
  if (!CampaignIdSchema.safeParse(campaignId).success) throw new AppError('not_found', CAMPAIGN_NOT_FOUND);
  const pool = pgPool();
  const {
    rows: [campaign],
  } = await pool.query<{
    status: string;
    pausedReason: string | null;
    launchSummary: { excluded?: Partial<Record<ExclusionReason, number>> } | null;
  }>(`SELECT status, "pausedReason", "launchSummary" FROM campaigns WHERE id = $1::uuid AND "tenantId" = $2::uuid`, [
    campaignId,
    actor.tenantId,
  ]);
  if (!campaign) throw new AppError('not_found', CAMPAIGN_NOT_FOUND);
  // From the aggregates: a few rows per state whatever the campaign's size.
  const jobs = await readCampaignJobCounts({ tenantId: actor.tenantId, campaignId });
  const figures = figuresOf(jobs);
  const [held, { rows: skipped }] = await Promise.all([
    readHeldReasons({ tenantId: actor.tenantId, campaignIds: [campaignId] }),
    pool.query<{ reason: string; count: number }>(
      `SELECT "gateReason" AS reason, count(*)::int AS count
         FROM send_jobs WHERE "campaignId" = $1::uuid AND "tenantId" = $2::uuid AND state = 'SKIPPED' AND "gateReason" IS NOT NULL
        GROUP BY 1 ORDER BY 2 DESC LIMIT 40`,
      [campaignId, actor.tenantId],
    ),
  ]);
  const count = (state: string, held = false) =>
    jobs.filter((j) => j.state === state && j.held === held).reduce((n, j) => n + j.jobs, 0);
  const leftOut = Object.entries(campaign.launchSummary?.excluded ?? {})
    .filter(([, n]) => (n ?? 0) > 0)
    .map(([reason, n]) => ({
      reason: `left out at launch: ${EXCLUSION_LABELS[reason as ExclusionReason]}`,
      count: n as number,
    }));
  const counts = {
    queued: count('QUEUED'),
    sending: count('SENDING'),
    sent: count('SENT'),
    delivered: count('DELIVERED'),
    failed: count('FAILED') + count('UNDELIVERED'),
    held: count('QUEUED', true),
    skipped: count('SKIPPED') + leftOut.reduce((n, r) => n + r.count, 0),
  };
  return {
    status: campaign.status,
    pausedReason: campaign.pausedReason,
    counts,
    held: held.map(({ reason, count, until }) => ({ reason, count, until })),
    skipped: [...skipped, ...leftOut],
    spentMicros: spendOf(jobs).costMicros,
    figures,
    deliveryRate: deliveryRate(figures),
  };
}
