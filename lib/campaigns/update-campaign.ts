import type { Actor } from '../auth/actor';
import { writeAudit } from '../auth/audit';
import { db } from '../db/client';
import type { Prisma } from '../generated/prisma/client';
import { checkCampaignReferences } from './check-campaign-references';
import { getCampaign } from './get-campaign';
import { lockDraft } from './lock-draft';
import type { CampaignInput } from './schemas';

/**
 * Replaces a draft with what the editor holds: its fields, its messages and its
 * numbers. Only a draft can change; once launched, the queue was built from it.
 */
export async function updateCampaign({
  actor,
  campaignId,
  input,
}: {
  actor: Actor;
  campaignId: string;
  input: CampaignInput;
}) {
  await db().$transaction(async (tx) => {
    await lockDraft(tx, { tenantId: actor.tenantId, campaignId, refusal: 'Only a draft can be edited.' });
    const numbers = await checkCampaignReferences(tx, { tenantId: actor.tenantId, input });
    const before = await tx.campaign.findUniqueOrThrow({
      where: { id: campaignId },
      select: {
        name: true,
        audience: true,
        rotation: true,
        linkUrl: true,
        scheduledAt: true,
        templates: { orderBy: { position: 'asc' }, select: { body: true, weight: true } },
        numbers: { select: { sendingNumber: { select: { value: true } } } },
      },
    });
    const scheduledAt = input.scheduledAt ? new Date(input.scheduledAt) : null;
    await tx.campaign.update({
      where: { id: campaignId },
      data: {
        name: input.name,
        audience: input.audience,
        rotation: input.rotation,
        linkUrl: input.linkUrl ?? null,
        scheduledAt,
      },
    });
    await tx.template.deleteMany({ where: { campaignId, tenantId: actor.tenantId } });
    await tx.template.createMany({
      data: input.templates.map((t, position) => ({
        tenantId: actor.tenantId,
        campaignId,
        body: t.body,
        weight: t.weight,
        position,
      })),
    });
    await tx.campaignSendingNumber.deleteMany({ where: { campaignId, tenantId: actor.tenantId } });
    await tx.campaignSendingNumber.createMany({
      data: numbers.map((n) => ({ tenantId: actor.tenantId, campaignId, sendingNumberId: n.id })),
    });

    const after = {
      name: input.name,
      audience: input.audience,
      rotation: input.rotation,
      linkUrl: input.linkUrl ?? null,
      scheduledAt: scheduledAt?.toISOString() ?? null,
      templates: input.templates.map((t) => ({ body: t.body, weight: t.weight })),
      sendingNumbers: numbers.map((n) => n.value).sort(),
    };
    const previous: typeof after = {
      name: before.name,
      audience: before.audience as typeof after.audience,
      rotation: before.rotation,
      linkUrl: before.linkUrl,
      scheduledAt: before.scheduledAt?.toISOString() ?? null,
      templates: before.templates,
      sendingNumbers: before.numbers.map((n) => n.sendingNumber.value).sort(),
    };
    const changes: Record<string, { from: unknown; to: unknown }> = {};
    for (const field of Object.keys(after) as (keyof typeof after)[]) {
      if (JSON.stringify(previous[field]) !== JSON.stringify(after[field]))
        changes[field] = { from: previous[field], to: after[field] };
    }
    if (Object.keys(changes).length === 0) return;
    await writeAudit(tx, {
      tenantId: actor.tenantId,
      actorUserId: actor.userId,
      action: 'campaign.updated',
      entityType: 'campaign',
      entityId: campaignId,
      details: { name: input.name, changes } as Prisma.InputJsonValue,
    });
  });
  return getCampaign({ actor, campaignId });
}
