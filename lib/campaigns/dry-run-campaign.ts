import 'server-only';
import type { Actor } from '../auth/actor';
import { AudienceSchema } from '../audiences/audience';
import { resolveAudience } from '../audiences/resolve-audience';
import { pgPool } from '../db/pg-pool';
import { inTransaction } from '../db/transaction';
import { AppError } from '../errors';
import { simulateCampaignSends, type DryRunResult } from '../sending/simulate-campaign-sends';
import { CAMPAIGN_NOT_FOUND } from './get-campaign';
import { lockCampaign } from './lock-campaign';

export interface DryRunCampaignOptions {
  actor: Actor;
  campaignId: string;
  now?: Date;
}

/**
 * What launching a draft now would do — who gets a message, who waits and why, the
 * cost and the finish — with nothing sent; the campaign keeps the estimate.
 */
export async function dryRunCampaign({
  actor,
  campaignId,
  now = new Date(),
}: DryRunCampaignOptions): Promise<DryRunResult> {
  const pool = pgPool();
  const draft = await lockCampaign(pool, {
    tenantId: actor.tenantId,
    campaignId,
    allowed: ['DRAFT'],
    refusal: 'A dry run previews a launch; once launched, the progress panel shows what is happening.',
  });
  const audience = AudienceSchema.safeParse(draft.audience);
  if (!audience.success)
    throw new AppError('invalid', 'The audience is no longer valid; edit the campaign and choose it again.');
  const { target } = await resolveAudience(pool, { tenantId: actor.tenantId, audience: audience.data });
  const result = await simulateCampaignSends({
    db: pool,
    tenantId: actor.tenantId,
    campaignId,
    audience: target,
    now,
  });
  if (!result) throw new AppError('not_found', CAMPAIGN_NOT_FOUND);
  await inTransaction((tx) =>
    tx.query(
      `UPDATE campaigns SET "lastDryRunAt" = $3::timestamp, "lastDryRunMessages" = $4, "lastDryRunCostMicros" = $5
       WHERE id = $1::uuid AND "tenantId" = $2::uuid`,
      [
        campaignId,
        actor.tenantId,
        now.toISOString(),
        result.sendNow + result.held.reduce((n, h) => n + h.count, 0),
        Math.round(result.costMicros),
      ],
    ),
  );
  return result;
}
