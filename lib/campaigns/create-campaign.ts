import 'server-only';
import type { Actor } from '../auth/actor';
import { writeAudit } from '../auth/audit';
import { inTransaction } from '../db/transaction';
import { checkCampaignReferences } from './check-campaign-references';
import { getCampaign } from './get-campaign';
import { insertCampaignContents } from './insert-campaign-contents';
import type { CampaignInput } from './schemas';

export interface CreateCampaignOptions {
  actor: Actor;
  input: CampaignInput;
}

/** Writes a new draft with its messages in order and its sending numbers; nothing is queued until launch. */
export async function createCampaign({ actor, input }: CreateCampaignOptions) {
  const campaignId = await inTransaction(async (tx) => {
    const numbers = await checkCampaignReferences(tx, { tenantId: actor.tenantId, input });
    const {
      rows: [campaign],
    } = await tx.query<{ id: string }>(
      `INSERT INTO campaigns ("tenantId", name, status, audience, rotation, "linkUrl", "scheduledAt", "createdById")
       VALUES ($1::uuid, $2, 'DRAFT', $3::jsonb, $4::"Rotation", $5, $6::timestamp, $7::uuid)
       RETURNING id`,
      [
        actor.tenantId,
        input.name,
        JSON.stringify(input.audience),
        input.rotation,
        input.linkUrl ?? null,
        input.scheduledAt ? new Date(input.scheduledAt).toISOString() : null,
        actor.userId,
      ],
    );
    await insertCampaignContents(tx, {
      tenantId: actor.tenantId,
      campaignId: campaign.id,
      templates: input.templates,
      sendingNumberIds: numbers.map((n) => n.id),
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
