import 'server-only';
import type { Tx } from '../db/transaction';
import type { CampaignInput } from './schemas';

export interface InsertCampaignContentsOptions {
  tenantId: string;
  campaignId: string;
  templates: CampaignInput['templates'];
  sendingNumberIds: string[];
}

/** Writes a draft's messages, in the order given, and the sending numbers it may use. */
export async function insertCampaignContents(
  tx: Tx,
  { tenantId, campaignId, templates, sendingNumberIds }: InsertCampaignContentsOptions,
): Promise<void> {
  await tx.query(
    `INSERT INTO templates ("tenantId", "campaignId", body, weight, position)
     SELECT $1::uuid, $2::uuid, t.body, t.weight, t.position
     FROM unnest($3::text[], $4::int[], $5::int[]) AS t(body, weight, position)`,
    [
      tenantId,
      campaignId,
      templates.map((t) => t.body),
      templates.map((t) => t.weight),
      templates.map((_, position) => position),
    ],
  );
  await tx.query(
    `INSERT INTO campaign_sending_numbers ("tenantId", "campaignId", "sendingNumberId")
     SELECT $1::uuid, $2::uuid, unnest($3::uuid[])`,
    [tenantId, campaignId, sendingNumberIds],
  );
}
