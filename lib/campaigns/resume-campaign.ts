import 'server-only';
import type { Actor } from '../auth/actor';
import { writeAudit } from '../auth/audit';
import { inTransaction } from '../db/transaction';
import { releaseHeldJobs } from '../sending/release-held-jobs';
import { lockCampaign } from './lock-campaign';

export interface ResumeCampaignOptions {
  actor: Actor;
  campaignId: string;
  now?: Date;
}

/** Resumes a paused campaign (by hand or automatically): its held jobs go back in line at once. */
export async function resumeCampaign({ actor, campaignId, now = new Date() }: ResumeCampaignOptions) {
  return inTransaction(async (tx) => {
    const campaign = await lockCampaign(tx, {
      tenantId: actor.tenantId,
      campaignId,
      allowed: ['PAUSED'],
      refusal: 'Only a paused campaign can be resumed.',
    });
    const status = campaign.scheduledAt && campaign.scheduledAt > now ? 'SCHEDULED' : 'RUNNING';
    await tx.query(
      `UPDATE campaigns SET status = $3::"CampaignStatus", "pausedAt" = NULL, "pausedReason" = NULL, "updatedAt" = $4::timestamp WHERE id = $1::uuid AND "tenantId" = $2::uuid`,
      [campaign.id, actor.tenantId, status, now.toISOString()],
    );
    const released = await releaseHeldJobs(tx, { tenantId: actor.tenantId, campaignId: campaign.id, now });
    await writeAudit(tx, {
      tenantId: actor.tenantId,
      actorUserId: actor.userId,
      action: 'campaign.resumed',
      entityType: 'campaign',
      entityId: campaign.id,
      details: { status, released },
    });
    return { campaign: { id: campaign.id, status } };
  });
}
