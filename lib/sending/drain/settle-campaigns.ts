import 'server-only';
import { writeAudit } from '../../auth/audit';
import { pgPool } from '../../db/pg-pool';
import { inTransaction } from '../../db/transaction';
import { explainTwilioError } from '../../providers/twilio-errors';

/** Scheduled campaigns whose time has come start sending. */
export async function startScheduledCampaigns(now: Date): Promise<number> {
  const { rowCount } = await pgPool().query(
    `UPDATE campaigns SET status = 'RUNNING', "updatedAt" = $1::timestamp WHERE status = 'SCHEDULED' AND "scheduledAt" <= $1::timestamp`,
    [now.toISOString()],
  );
  return rowCount ?? 0;
}

/** A running campaign with nothing left to send or waiting on the provider is complete. */
export async function completeFinishedCampaigns(now: Date): Promise<number> {
  return inTransaction(async (tx) => {
    // Each campaign is one probe of the (campaign, state) index. Left to itself the
    // planner sees a queue that is mostly QUEUED and scans the whole table instead,
    // so the run would slow down with every job waiting for later.
    await tx.query('SET LOCAL enable_seqscan = off');
    await tx.query('SET LOCAL enable_bitmapscan = off');
    const { rowCount } = await tx.query(
      `UPDATE campaigns c SET status = 'COMPLETED', "completedAt" = $1::timestamp, "updatedAt" = $1::timestamp
       WHERE c.status = 'RUNNING'
         AND NOT EXISTS (SELECT 1 FROM send_jobs j WHERE j."campaignId" = c.id AND j."tenantId" = c."tenantId" AND j.state IN ('QUEUED', 'SENDING'))`,
      [now.toISOString()],
    );
    return rowCount ?? 0;
  });
}

const RECENT = 200;
const MIN_SAMPLE = 50;

/**
 * A running campaign whose recent outcomes turn bad — the carrier filtering it
 * (30007), a list full of dead numbers — pauses itself and says why, before it
 * burns the budget and the sender's reputation. Staff decide whether to resume.
 */
export async function pauseFailingCampaigns(now: Date): Promise<{ campaignId: string; reason: string }[]> {
  return inTransaction(async (tx) => {
    const { rows } = await tx.query<{
      id: string;
      tenantId: string;
      total: number;
      failed: number;
      topCode: string | null;
    }>(
      `SELECT c.id, c."tenantId", r.total, r.failed, r.top_code AS "topCode"
       FROM campaigns c
       JOIN tenant_settings s ON s."tenantId" = c."tenantId"
       CROSS JOIN LATERAL (
         SELECT count(*)::int AS total, count(*) FILTER (WHERE x.state <> 'DELIVERED')::int AS failed,
                mode() WITHIN GROUP (ORDER BY x."errorCode") FILTER (WHERE x.state <> 'DELIVERED') AS top_code
         FROM (SELECT j.state, j."errorCode" FROM send_jobs j
               WHERE j."campaignId" = c.id AND j.state IN ('DELIVERED', 'FAILED', 'UNDELIVERED')
               ORDER BY j."finishedAt" DESC LIMIT ${RECENT}) x
       ) r
       WHERE c.status = 'RUNNING' AND r.total >= ${MIN_SAMPLE} AND r.failed::float / r.total > s."failurePauseThreshold"
       FOR UPDATE OF c SKIP LOCKED`,
    );
    const paused: { campaignId: string; reason: string }[] = [];
    for (const row of rows) {
      const share = Math.round((row.failed / row.total) * 100);
      const cause = row.topCode ? ` Most common: error ${row.topCode}, ${explainTwilioError(row.topCode)}` : '';
      const reason = `Paused automatically: ${share}% of the last ${row.total} messages failed.${cause}`;
      await tx.query(
        `UPDATE campaigns SET status = 'PAUSED', "pausedAt" = $2::timestamp, "pausedReason" = $3, "updatedAt" = $2::timestamp WHERE id = $1::uuid`,
        [row.id, now.toISOString(), reason],
      );
      await writeAudit(tx, {
        tenantId: row.tenantId,
        actorUserId: null,
        action: 'campaign.auto_paused',
        entityType: 'campaign',
        entityId: row.id,
        details: { reason, failed: row.failed, total: row.total },
      });
      paused.push({ campaignId: row.id, reason });
    }
    return paused;
  });
}
