import 'server-only';
import type { Actor } from '../auth/actor';
import { listCustomFieldNames } from '../contacts/list-custom-field-names';
import { db } from '../db/client';
import { pgPool } from '../db/pg-pool';

export interface GetSegmentBuilderChoicesOptions {
  actor: Actor;
}

/** What the segment builder offers to choose from: the committed imports and the custom fields contacts carry. */
export async function getSegmentBuilderChoices({ actor }: GetSegmentBuilderChoicesOptions) {
  const [batches, customFieldNames] = await Promise.all([
    db().importBatch.findMany({
      where: { tenantId: actor.tenantId, status: 'COMMITTED' },
      orderBy: { committedAt: 'desc' },
      take: 100,
      select: { id: true, fileName: true },
    }),
    listCustomFieldNames(pgPool(), { tenantId: actor.tenantId }),
  ]);
  return { batches, customFieldNames };
}
