import 'server-only';
import type { Actor } from '../auth/actor';
import { writeAudit } from '../auth/audit';
import { inTransaction } from '../db/transaction';
import type { Rotation } from '../generated/prisma/enums';
import { checkCampaignReferences } from './check-campaign-references';
import { getCampaign } from './get-campaign';
import { insertCampaignContents } from './insert-campaign-contents';
import { lockCampaign } from './lock-campaign';
import type { CampaignInput } from './schemas';

export interface UpdateCampaignOptions {
  actor: Actor;
  campaignId: string;
  input: CampaignInput;
}

/**
 * Replaces a draft with what the editor holds: its fields, its messages and its
 * numbers. Only a draft can change; once launched, the queue was built from it.
 */
export async function updateCampaign({ actor, campaignId, input }: UpdateCampaignOptions) {
  await inTransaction(async (tx) => {
    await lockCampaign(tx, {
      tenantId: actor.tenantId,
      campaignId,
      allowed: ['DRAFT'],
      refusal: 'Only a draft can be edited.',
    });
    const numbers = await checkCampaignReferences(tx, { tenantId: actor.tenantId, input });
    const {
      rows: [before],
    } = await tx.query<{
      name: string;
      audience: unknown;
      rotation: Rotation;
      linkUrl: string | null;
      scheduledAt: Date | null;
      templates: { body: string; weight: number }[];
      sendingNumbers: string[];
    }>(
      `SELECT c.name, c.audience, c.rotation, c."linkUrl", c."scheduledAt",
              COALESCE((SELECT json_agg(json_build_object('body', t.body, 'weight', t.weight) ORDER BY t.position)
                        FROM templates t WHERE t."campaignId" = c.id), '[]') AS templates,
              ARRAY(SELECT n.value FROM campaign_sending_numbers cn JOIN sending_numbers n ON n.id = cn."sendingNumberId"
                    WHERE cn."campaignId" = c.id) AS "sendingNumbers"
       FROM campaigns c WHERE c.id = $1::uuid AND c."tenantId" = $2::uuid`,
      [campaignId, actor.tenantId],
    );
    const scheduledAt = input.scheduledAt ? new Date(input.scheduledAt) : null;
    await tx.query(
      `UPDATE campaigns SET name = $3, audience = $4::jsonb, rotation = $5::"Rotation", "linkUrl" = $6,
              "scheduledAt" = $7::timestamp, "updatedAt" = now()
       WHERE id = $1::uuid AND "tenantId" = $2::uuid`,
      [
        campaignId,
        actor.tenantId,
        input.name,
        JSON.stringify(input.audience),
        input.rotation,
        input.linkUrl ?? null,
        scheduledAt?.toISOString() ?? null,
      ],
    );
    await tx.query(`DELETE FROM templates WHERE "campaignId" = $1::uuid AND "tenantId" = $2::uuid`, [
      campaignId,
      actor.tenantId,
    ]);
    await tx.query(`DELETE FROM campaign_sending_numbers WHERE "campaignId" = $1::uuid AND "tenantId" = $2::uuid`, [
      campaignId,
      actor.tenantId,
    ]);
    await insertCampaignContents(tx, {
      tenantId: actor.tenantId,
      campaignId,
      templates: input.templates,
      sendingNumberIds: numbers.map((n) => n.id),
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
      sendingNumbers: before.sendingNumbers.sort(),
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
      details: { name: input.name, changes },
    });
  });
  return getCampaign({ actor, campaignId });
}
