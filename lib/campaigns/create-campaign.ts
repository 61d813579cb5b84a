import type { Actor } from '../auth/actor';
import { writeAudit } from '../auth/audit';
import { db } from '../db/client';
import { checkCampaignReferences } from './check-campaign-references';
import { getCampaign } from './get-campaign';
import type { CampaignInput } from './schemas';

/** Writes a new draft with its messages in order and its sending numbers; nothing is queued until launch. */
export async function createCampaign({ actor, input }: { actor: Actor; input: CampaignInput }) {
  const campaignId = await db().$transaction(async (tx) => {
    const numbers = await checkCampaignReferences(tx, { tenantId: actor.tenantId, input });
    const campaign = await tx.campaign.create({
      data: {
        tenantId: actor.tenantId,
        name: input.name,
        status: 'DRAFT',
        audience: input.audience,
        rotation: input.rotation,
        linkUrl: input.linkUrl ?? null,
        scheduledAt: input.scheduledAt ? new Date(input.scheduledAt) : null,
        createdById: actor.userId,
      },
      select: { id: true },
    });
    await tx.template.createMany({
      data: input.templates.map((t, position) => ({
        tenantId: actor.tenantId,
        campaignId: campaign.id,
        body: t.body,
        weight: t.weight,
        position,
      })),
    });
    await tx.campaignSendingNumber.createMany({
      data: numbers.map((n) => ({ tenantId: actor.tenantId, campaignId: campaign.id, sendingNumberId: n.id })),
    });
    await writeAudit(tx, {
      tenantId: actor.tenantId,
      actorUserId: actor.userId,
      action: 'campaign.created',
      entityType: 'campaign',
      entityId: campaign.id,
      details: {
        name: input.name,
        audience: input.audience,
        rotation: input.rotation,
        templates: input.templates.length,
        linkUrl: input.linkUrl ?? null,
        sendingNumbers: numbers.map((n) => n.value),
        scheduledAt: input.scheduledAt ?? null,
      },
    });
    return campaign.id;
  });
  return getCampaign({ actor, campaignId });
}
