import type { Prisma } from '../generated/prisma/client';
import type { CampaignStatus } from '../generated/prisma/enums';
import { AppError } from '../errors';
import { CAMPAIGN_NOT_FOUND } from './get-campaign';
import { CampaignIdSchema } from './schemas';

/**
 * Locks a campaign row for the rest of the transaction and insists it is still a
 * draft, so an edit or a delete can never interleave with its launch.
 */
export async function lockDraft(
  tx: Prisma.TransactionClient,
  { tenantId, campaignId, refusal }: { tenantId: string; campaignId: string; refusal: string },
) {
  if (!CampaignIdSchema.safeParse(campaignId).success) throw new AppError('not_found', CAMPAIGN_NOT_FOUND);
  const [row] = await tx.$queryRaw<{ id: string; name: string; status: CampaignStatus }[]>`
    SELECT id, name, status FROM campaigns WHERE id = ${campaignId}::uuid AND "tenantId" = ${tenantId}::uuid FOR UPDATE`;
  if (!row) throw new AppError('not_found', CAMPAIGN_NOT_FOUND);
  if (row.status !== 'DRAFT')
    throw new AppError('conflict', `${refusal} This campaign is ${row.status.toLowerCase()}.`);
  return row;
}
