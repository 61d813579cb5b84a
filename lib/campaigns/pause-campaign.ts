import 'server-only';
import type { Actor } from '../auth/actor';
import { writeAudit } from '../auth/audit';
import { inTransaction } from '../db/transaction';
import { lockCampaign } from './lock-campaign';

export interface PauseCampaignOptions {
  actor: Actor;
  campaignId: string;
  reason?: string;
  now?: Date;
}

/** Stops a campaign within one drain batch: the pause gate holds its jobs until it is resumed. */
export async function pauseCampaign({ actor, campaignId, reason, now = new Date() }: PauseCampaignOptions) {
  return inTransaction(async (tx) => {
    const campaign = await lockCampaign(tx, {
      tenantId: actor.tenantId,
      campaignId,
      allowed: ['RUNNING', 'SCHEDULED'],
      refusal: 'Only a running or scheduled campaign can be paused.',
    });
    const pausedReason = reason?.trim() || `Paused by ${actor.name ?? actor.email}`;
    await tx.query(
      `UPDATE campaigns SET status = 'PAUSED', "pausedAt" = $3::timestamp, "pausedReason" = $4, "updatedAt" = $3::timestamp WHERE id = $1::uuid AND "tenantId" = $2::uuid`,
      [campaign.id, actor.tenantId, now.toISOString(), pausedReason],
    );
    await writeAudit(tx, {
      tenantId: actor.tenantId,
      actorUserId: actor.userId,
      action: 'campaign.paused',
      entityType: 'campaign',
      entityId: campaign.id,
      details: { reason: pausedReason, from: campaign.status },
    });
    return { campaign: { id: campaign.id, status: 'PAUSED' as const, pausedReason } };
  });
}
