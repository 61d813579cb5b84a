import 'server-only';
import type { Actor } from '../auth/actor';
import { writeAudit } from '../auth/audit';
import { inTransaction } from '../db/transaction';
import { AppError } from '../errors';
import { formatCount } from '../format/number';
import { buildSendQueue } from '../sending/build-send-queue';
import { AudienceSchema, EXCLUSION_LABELS, type ExclusionReason } from '../audiences/audience';
import { resolveAudience } from '../audiences/resolve-audience';
import { lockCampaign } from './lock-campaign';

export interface LaunchResult {
  campaign: { id: string; status: 'RUNNING' | 'SCHEDULED' };
  summary: { queued: number; excluded: Record<ExclusionReason, number> };
}

export interface LaunchCampaignOptions {
  actor: Actor;
  campaignId: string;
  now?: Date;
}

/**
 * Turns a draft into a queue: one job per sendable contact, built in the same
 * transaction that marks the campaign running (or scheduled), so a launch either
 * happens whole or not at all, and a second click finds it launched already.
 */
export async function launchCampaign({
  actor,
  campaignId,
  now = new Date(),
}: LaunchCampaignOptions): Promise<LaunchResult> {
  return inTransaction(async (tx) => {
    const campaign = await lockCampaign(tx, {
      tenantId: actor.tenantId,
      campaignId,
      allowed: ['DRAFT'],
      refusal: 'Only a draft can be launched.',
    });
    const {
      rows: [ready],
    } = await tx.query<{ templates: number; numbers: number }>(
      `SELECT (SELECT count(*)::int FROM templates WHERE "campaignId" = $1::uuid AND "tenantId" = $2::uuid) AS templates,
              (SELECT count(*)::int FROM campaign_sending_numbers c JOIN sending_numbers n ON n.id = c."sendingNumberId" AND n."tenantId" = c."tenantId"
                WHERE c."campaignId" = $1::uuid AND c."tenantId" = $2::uuid AND n.active) AS numbers`,
      [campaign.id, actor.tenantId],
    );
    if (!ready.templates) throw new AppError('invalid', 'Write a message before launching.');
    if (!ready.numbers) throw new AppError('invalid', 'Choose at least one active sending number before launching.');
    const audience = AudienceSchema.safeParse(campaign.audience);
    if (!audience.success)
      throw new AppError('invalid', 'The audience is no longer valid; edit the campaign and choose it again.');

    // Read in this transaction: the queue is built from exactly the definition recorded beside it.
    const { target, snapshot } = await resolveAudience(tx, { tenantId: actor.tenantId, audience: audience.data });

    const scheduled = campaign.scheduledAt && campaign.scheduledAt > now ? campaign.scheduledAt : null;
    const built = await buildSendQueue(tx, {
      tenantId: actor.tenantId,
      campaignId: campaign.id,
      audience: target,
      startAt: scheduled ?? now,
      now,
    });
    if (!built.queued) {
      const reasons = Object.entries(built.excluded)
        .filter(([, n]) => n > 0)
        .map(([reason, n]) => `${formatCount(n)} ${EXCLUSION_LABELS[reason as ExclusionReason]}`);
      throw new AppError(
        'invalid',
        built.audience
          ? `No contact in the audience can be messaged (${reasons.join('; ')}).`
          : 'The audience has no contacts.',
      );
    }
    const status = scheduled ? 'SCHEDULED' : 'RUNNING';
    const summary = { queued: built.queued, excluded: built.excluded };
    await tx.query(
      `UPDATE campaigns SET status = $3::"CampaignStatus", "launchedAt" = $4::timestamp, "launchSummary" = $5::jsonb,
              "audienceSnapshot" = $6::jsonb, "updatedAt" = $4::timestamp
       WHERE id = $1::uuid AND "tenantId" = $2::uuid`,
      [
        campaign.id,
        actor.tenantId,
        status,
        now.toISOString(),
        JSON.stringify({ ...summary, audience: built.audience }),
        snapshot ? JSON.stringify(snapshot) : null,
      ],
    );
    await writeAudit(tx, {
      tenantId: actor.tenantId,
      actorUserId: actor.userId,
      action: 'campaign.launched',
      entityType: 'campaign',
      entityId: campaign.id,
      details: { status, ...summary, ...(snapshot && { segment: snapshot }) },
    });
    return { campaign: { id: campaign.id, status }, summary };
  });
}
