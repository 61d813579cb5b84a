import 'server-only';
import type { Actor } from '../auth/actor';
import { writeAudit } from '../auth/audit';
import { inTransaction } from '../db/transaction';
import { lockCampaign } from './lock-campaign';

export interface DeleteCampaignOptions {
  actor: Actor;
  campaignId: string;
}

/** Deletes a draft with its messages; a launched campaign is cancelled instead, so its history stays. */
export async function deleteCampaign({ actor, campaignId }: DeleteCampaignOptions) {
  await inTransaction(async (tx) => {
    const draft = await lockCampaign(tx, {
      tenantId: actor.tenantId,
      campaignId,
      allowed: ['DRAFT'],
      refusal: 'Only a draft can be deleted; cancel a campaign that has started instead.',
    });
    // Its messages, numbers and short links go with it (foreign keys cascade).
    await tx.query(`DELETE FROM campaigns WHERE id = $1::uuid AND "tenantId" = $2::uuid`, [draft.id, actor.tenantId]);
    await writeAudit(tx, {
      tenantId: actor.tenantId,
      actorUserId: actor.userId,
      action: 'campaign.deleted',
      entityType: 'campaign',
      entityId: draft.id,
      details: { name: draft.name },
    });
  });
}
