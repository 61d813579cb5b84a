import 'server-only';
import type { Actor } from '../auth/actor';
import { writeAudit } from '../auth/audit';
import { inTransaction } from '../db/transaction';
import { lockCampaign } from './lock-campaign';

export interface CancelCampaignOptions {
  actor: Actor;
  campaignId: string;
  now?: Date;
}

/**
 * Ends a campaign for good: every job still waiting is skipped, so nothing more
 * goes out; messages already with the provider keep reporting their delivery.
 */
export async function cancelCampaign({ actor, campaignId, now = new Date() }: CancelCampaignOptions) {
  return inTransaction(async (tx) => {
    const campaign = await lockCampaign(tx, {
      tenantId: actor.tenantId,
      campaignId,
      allowed: ['SCHEDULED', 'RUNNING', 'PAUSED'],
      refusal: 'Only a scheduled, running or paused campaign can be cancelled; delete a draft instead.',
    });
    const { rowCount } = await tx.query(
      `UPDATE send_jobs SET state = 'SKIPPED', gate = 'pause', "gateReason" = 'campaign cancelled', "finishedAt" = $3::timestamp, "updatedAt" = $3::timestamp
       WHERE "campaignId" = $1::uuid AND "tenantId" = $2::uuid AND state = 'QUEUED'`,
      [campaign.id, actor.tenantId, now.toISOString()],
    );
    await tx.query(
      `UPDATE campaigns SET status = 'CANCELLED', "completedAt" = $3::timestamp, "updatedAt" = $3::timestamp WHERE id = $1::uuid AND "tenantId" = $2::uuid`,
      [campaign.id, actor.tenantId, now.toISOString()],
    );
    await writeAudit(tx, {
      tenantId: actor.tenantId,
      actorUserId: actor.userId,
      action: 'campaign.cancelled',
      entityType: 'campaign',
      entityId: campaign.id,
      details: { from: campaign.status, skipped: rowCount ?? 0 },
    });
    return { campaign: { id: campaign.id, status: 'CANCELLED' as const } };
  });
}
