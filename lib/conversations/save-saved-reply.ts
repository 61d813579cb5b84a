import 'server-only';
import type { Actor } from '../auth/actor';
import { writeAudit } from '../auth/audit';
import { isUniqueViolation } from '../db/errors';
import { inTransaction } from '../db/transaction';
import { AppError } from '../errors';
import { SAVED_REPLY_NOT_FOUND, SavedReplyIdSchema, type SavedReplyInput } from './saved-reply-schemas';

export interface SaveSavedReplyOptions {
  actor: Actor;
  /** The saved reply to change; a new one when absent. */
  savedReplyId?: string;
  input: SavedReplyInput;
}

/** Adds or edits one of the workspace's canned answers, audited. */
export async function saveSavedReply({ actor, savedReplyId, input }: SaveSavedReplyOptions) {
  if (savedReplyId !== undefined && !SavedReplyIdSchema.safeParse(savedReplyId).success)
    throw new AppError('not_found', SAVED_REPLY_NOT_FOUND);
  try {
    return await inTransaction(async (tx) => {
      const { rows } = savedReplyId
        ? await tx.query<{ id: string }>(
            `UPDATE saved_replies SET title = $3, body = $4, "updatedAt" = now()
             WHERE "tenantId" = $1::uuid AND id = $2::uuid RETURNING id`,
            [actor.tenantId, savedReplyId, input.title, input.body],
          )
        : await tx.query<{ id: string }>(
            `INSERT INTO saved_replies ("tenantId", title, body, "createdById") VALUES ($1::uuid, $2, $3, $4::uuid) RETURNING id`,
            [actor.tenantId, input.title, input.body, actor.userId],
          );
      if (!rows[0]) throw new AppError('not_found', SAVED_REPLY_NOT_FOUND);
      await writeAudit(tx, {
        tenantId: actor.tenantId,
        actorUserId: actor.userId,
        action: savedReplyId ? 'saved_reply.updated' : 'saved_reply.created',
        entityType: 'saved_reply',
        entityId: rows[0].id,
        details: { title: input.title },
      });
      return { id: rows[0].id, ...input };
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError('conflict', `A saved reply is already called “${input.title}”.`);
    throw error;
  }
}
