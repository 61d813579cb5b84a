import 'server-only';
import type { Actor } from '../auth/actor';
import { writeAudit } from '../auth/audit';
import { inTransaction } from '../db/transaction';
import { AppError } from '../errors';
import { SAVED_REPLY_NOT_FOUND, SavedReplyIdSchema } from './saved-reply-schemas';

export interface DeleteSavedReplyOptions {
  actor: Actor;
  savedReplyId: string;
}

/** Removes a canned answer, audited; replies already sent with it stay as they were. */
export async function deleteSavedReply({ actor, savedReplyId }: DeleteSavedReplyOptions) {
  if (!SavedReplyIdSchema.safeParse(savedReplyId).success) throw new AppError('not_found', SAVED_REPLY_NOT_FOUND);
  await inTransaction(async (tx) => {
    const { rows } = await tx.query<{ title: string }>(
      `DELETE FROM saved_replies WHERE "tenantId" = $1::uuid AND id = $2::uuid RETURNING title`,
      [actor.tenantId, savedReplyId],
    );
    if (!rows[0]) throw new AppError('not_found', SAVED_REPLY_NOT_FOUND);
    await writeAudit(tx, {
      tenantId: actor.tenantId,
      actorUserId: actor.userId,
      action: 'saved_reply.deleted',
      entityType: 'saved_reply',
      entityId: savedReplyId,
      details: { title: rows[0].title },
    });
  });
}
