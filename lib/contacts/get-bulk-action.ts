import 'server-only';
import { z } from 'zod';
import type { Actor } from '../auth/actor';
import { pgPool } from '../db/pg-pool';
import { AppError } from '../errors';
import type { BulkActionKind, BulkActionState } from '../generated/prisma/enums';

export interface BulkActionProgress {
  id: string;
  kind: BulkActionKind;
  tags: string[];
  total: number;
  done: number;
  state: BulkActionState;
  createdAt: Date;
  finishedAt: Date | null;
}

export interface GetBulkActionOptions {
  actor: Actor;
  bulkActionId: string;
}

const NOT_FOUND = 'That bulk action was not found.';

/** How far a bulk action of the workspace has got. */
export async function getBulkAction({ actor, bulkActionId }: GetBulkActionOptions): Promise<BulkActionProgress> {
  if (!z.uuid().safeParse(bulkActionId).success) throw new AppError('not_found', NOT_FOUND);
  const { rows } = await pgPool().query<BulkActionProgress>(
    `SELECT id, kind, tags, total, done, state, "createdAt", "finishedAt"
     FROM bulk_actions WHERE "tenantId" = $1::uuid AND id = $2::uuid`,
    [actor.tenantId, bulkActionId],
  );
  if (!rows[0]) throw new AppError('not_found', NOT_FOUND);
  return rows[0];
}
