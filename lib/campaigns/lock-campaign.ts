import 'server-only';
import type { Queryable } from '../db/queryable';
import type { CampaignStatus } from '../generated/prisma/enums';
import { AppError } from '../errors';
import { CAMPAIGN_NOT_FOUND } from './get-campaign';
import { CampaignIdSchema } from './schemas';

export interface LockedCampaign {
  id: string;
  name: string;
  status: CampaignStatus;
  audience: unknown;
  scheduledAt: Date | null;
}

export interface LockCampaignOptions {
  tenantId: string;
  campaignId: string;
  /** The states the action may start from; any other is refused with `refusal` and the state it is in. */
  allowed: readonly CampaignStatus[];
  refusal: string;
}

/**
 * Locks the tenant's campaign row for the rest of the transaction, so a launch,
 * pause, resume, cancel, edit or delete of one campaign happen one at a time, and
 * checks that its state allows the action.
 */
export async function lockCampaign(tx: Queryable, options: LockCampaignOptions): Promise<LockedCampaign> {
  if (!CampaignIdSchema.safeParse(options.campaignId).success) throw new AppError('not_found', CAMPAIGN_NOT_FOUND);
  const { rows } = await tx.query<LockedCampaign>(
    `SELECT id, name, status, audience, "scheduledAt" FROM campaigns WHERE id = $1::uuid AND "tenantId" = $2::uuid FOR UPDATE`,
    [options.campaignId, options.tenantId],
  );
  const campaign = rows[0];
  if (!campaign) throw new AppError('not_found', CAMPAIGN_NOT_FOUND);
  if (!options.allowed.includes(campaign.status))
    throw new AppError('conflict', `${options.refusal} This campaign is ${campaign.status.toLowerCase()}.`);
  return campaign;
}
