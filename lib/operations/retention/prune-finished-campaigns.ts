import 'server-only';
import { inTransaction } from '../../db/transaction';

export interface PruneFinishedCampaignsOptions {
  /** JOB_RETENTION_DAYS: how long after it finished a campaign keeps its rows. */
  retentionDays: number;
  /** At most this many campaigns per call, so one call's work stays bounded. */
  limit: number;
  now?: Date;
}

export interface PrunedCampaign {
  campaignId: string;
  jobs: number;
  clicks: number;
}

/**
 * Retention for the two tables that grow with every message: a campaign completed or
 * cancelled more than `retentionDays` ago has its headline figures written to
 * campaign_totals (which marks it pruned), then its clicks, short links, jobs and their
 * history removed, all in one transaction per campaign. Its reports keep reading the
 * aggregates, which no removal touches, so they show the same figures. Its spend stays in the ledger and its audit rows stay; its links have
 * long expired (LINK_TTL_DAYS), so no recipient can still follow one.
 */
export async function pruneFinishedCampaigns(options: PruneFinishedCampaignsOptions): Promise<PrunedCampaign[]> {
  const now = options.now ?? new Date();
  const cutoff = new Date(now.getTime() - options.retentionDays * 86_400_000).toISOString();
  const pruned: PrunedCampaign[] = [];
  for (let i = 0; i < options.limit; i += 1) {
    const done = await inTransaction(async (tx) => {
      const { rows } = await tx.query<{ id: string; tenantId: string }>(
        `SELECT c.id, c."tenantId" FROM campaigns c
         WHERE c.status IN ('COMPLETED', 'CANCELLED') AND coalesce(c."completedAt", c."updatedAt") < $1::timestamp
           AND NOT EXISTS (SELECT 1 FROM campaign_totals t WHERE t."campaignId" = c.id)
         ORDER BY coalesce(c."completedAt", c."updatedAt") LIMIT 1 FOR UPDATE SKIP LOCKED`,
        [cutoff],
      );
      const campaign = rows[0];
      if (!campaign) return null;
      await tx.query(
        `INSERT INTO campaign_totals ("campaignId", "tenantId", total, sent, delivered, failed, skipped,
                                      "humanClicks", people, "uniqueHumans", "botClicks", "prunedAt")
         SELECT $1::uuid, $2::uuid, j.total, j.sent, j.delivered, j.failed, j.skipped,
                k.human_clicks, k.people, k.unique_humans, k.bot_clicks, $3::timestamptz
         FROM (SELECT count(*)::int AS total,
                      count(*) FILTER (WHERE "providerMessageId" IS NOT NULL)::int AS sent,
                      count(*) FILTER (WHERE state = 'DELIVERED')::int AS delivered,
                      count(*) FILTER (WHERE state IN ('FAILED', 'UNDELIVERED'))::int AS failed,
                      count(*) FILTER (WHERE state = 'SKIPPED')::int AS skipped
               FROM send_jobs WHERE "tenantId" = $2::uuid AND "campaignId" = $1::uuid) j,
              (SELECT count(*) FILTER (WHERE NOT "isBot")::int AS human_clicks,
                      count(DISTINCT "shortLinkId") FILTER (WHERE NOT "isBot")::int AS people,
                      count(DISTINCT "visitorHash") FILTER (WHERE NOT "isBot")::int AS unique_humans,
                      count(*) FILTER (WHERE "isBot")::int AS bot_clicks
               FROM clicks WHERE "tenantId" = $2::uuid AND "campaignId" = $1::uuid) k`,
        [campaign.id, campaign.tenantId, now],
      );
      const clicks = await tx.query(`DELETE FROM clicks WHERE "tenantId" = $2::uuid AND "campaignId" = $1::uuid`, [
        campaign.id,
        campaign.tenantId,
      ]);
      await tx.query(`DELETE FROM short_links WHERE "tenantId" = $2::uuid AND "campaignId" = $1::uuid`, [
        campaign.id,
        campaign.tenantId,
      ]);
      // The jobs' history goes with them (its foreign key cascades); the ledger keeps the spend.
      const jobs = await tx.query(`DELETE FROM send_jobs WHERE "tenantId" = $2::uuid AND "campaignId" = $1::uuid`, [
        campaign.id,
        campaign.tenantId,
      ]);
      return { campaignId: campaign.id, jobs: jobs.rowCount ?? 0, clicks: clicks.rowCount ?? 0 };
    });
    if (!done) break;
    pruned.push(done);
  }
  return pruned;
}
