import 'server-only';
import { z } from 'zod';
import type { Actor } from '../auth/actor';
import { writeAudit } from '../auth/audit';
import { inTransaction } from '../db/transaction';
import { AppError } from '../errors';
import { lockConversation } from './lock-conversation';

export const UpdateConversationSchema = z
  .object({
    assignedToId: z.string().uuid('Choose a staff member from the list.').nullable().optional(),
    done: z.boolean().optional(),
  })
  .refine((v) => v.assignedToId !== undefined || v.done !== undefined, 'Say what to change: assign or done.');
export type UpdateConversationInput = z.infer<typeof UpdateConversationSchema>;

export interface UpdateConversationOptions {
  actor: Actor;
  conversationId: string;
  input: UpdateConversationInput;
  now?: Date;
}

/**
 * Assigns a conversation to a staff member (or nobody) and marks it done or open
 * again, each change with its audit row in the same transaction. Done also reads
 * it and settles a possible opt-out: staff looked and decided it needs no more.
 */
export async function updateConversation({
  actor,
  conversationId,
  input,
  now = new Date(),
}: UpdateConversationOptions) {
  return inTransaction(async (tx) => {
    const conversation = await lockConversation(tx, { tenantId: actor.tenantId, conversationId });
    const at = now.toISOString();
    if (input.assignedToId !== undefined && input.assignedToId !== conversation.assignedToId) {
      if (input.assignedToId) {
        const { rows } = await tx.query(
          `SELECT 1 FROM memberships WHERE "tenantId" = $1::uuid AND "userId" = $2::uuid AND role IN ('ADMIN', 'STAFF')`,
          [actor.tenantId, input.assignedToId],
        );
        if (!rows.length)
          throw new AppError(
            'invalid',
            'A conversation can only be given to a staff member or admin of this workspace.',
          );
      }
      await tx.query(
        `UPDATE conversations SET "assignedToId" = $3::uuid, "updatedAt" = $4::timestamp WHERE "tenantId" = $1::uuid AND id = $2::uuid`,
        [actor.tenantId, conversationId, input.assignedToId, at],
      );
      await writeAudit(tx, {
        tenantId: actor.tenantId,
        actorUserId: actor.userId,
        action: input.assignedToId ? 'conversation.assigned' : 'conversation.unassigned',
        entityType: 'conversation',
        entityId: conversationId,
        details: { from: conversation.assignedToId, to: input.assignedToId, number: conversation.remoteE164 },
      });
    }
    if (input.done !== undefined) {
      const wasDone = conversation.doneAt !== null && conversation.doneAt >= conversation.lastInboundAt;
      if (input.done !== wasDone) {
        if (input.done) {
          await tx.query(
            `UPDATE conversations SET "doneAt" = $3::timestamp, "doneById" = $4::uuid,
               "lastReadAt" = GREATEST("lastInboundAt", $3::timestamp),
               "possibleOptOutResolvedAt" = CASE WHEN "possibleOptOutAt" IS NULL THEN "possibleOptOutResolvedAt" ELSE $3::timestamp END,
               "updatedAt" = $3::timestamp
             WHERE "tenantId" = $1::uuid AND id = $2::uuid`,
            [actor.tenantId, conversationId, at, actor.userId],
          );
        } else {
          await tx.query(
            `UPDATE conversations SET "doneAt" = NULL, "doneById" = NULL, "updatedAt" = $3::timestamp
             WHERE "tenantId" = $1::uuid AND id = $2::uuid`,
            [actor.tenantId, conversationId, at],
          );
        }
        await writeAudit(tx, {
          tenantId: actor.tenantId,
          actorUserId: actor.userId,
          action: input.done ? 'conversation.done' : 'conversation.reopened',
          entityType: 'conversation',
          entityId: conversationId,
          details: { number: conversation.remoteE164 },
        });
      }
    }
    return { conversationId };
  });
}
