import type { Actor } from '../auth/actor';
import { writeAudit } from '../auth/audit';
import { db } from '../db/client';
import { lockDraft } from './lock-draft';

/** Deletes a draft with its messages; a launched campaign is cancelled instead, so its history stays. */
export async function deleteCampaign({ actor, campaignId }: { actor: Actor; campaignId: string }) {
  await db().$transaction(async (tx) => {
    const draft = await lockDraft(tx, {
      tenantId: actor.tenantId,
      campaignId,
      refusal: 'Only a draft can be deleted; cancel a campaign that has started instead.',
    });
    await tx.campaign.delete({ where: { id: draft.id } });
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
