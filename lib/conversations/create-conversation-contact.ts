import 'server-only';
import { z } from 'zod';
import type { Actor } from '../auth/actor';
import { writeAudit } from '../auth/audit';
import { inTransaction } from '../db/transaction';
import { lockConversation } from './lock-conversation';

const name = z.string().trim().max(100, 'A name has at most 100 characters.').optional();

export const CreateConversationContactSchema = z.object({ firstName: name, lastName: name });
export type CreateConversationContactInput = z.infer<typeof CreateConversationContactSchema>;

export interface CreateConversationContactOptions {
  actor: Actor;
  conversationId: string;
  input: CreateConversationContactInput;
}

/**
 * Makes a contact of a number that wrote in without being one. Its consent is
 * unknown: a text to the business is not consent to marketing. An existing contact
 * with the number is returned as it is.
 */
export async function createConversationContact({ actor, conversationId, input }: CreateConversationContactOptions) {
  return inTransaction(async (tx) => {
    const conversation = await lockConversation(tx, { tenantId: actor.tenantId, conversationId });
    const created = await tx.query<{ id: string }>(
      `INSERT INTO contacts ("tenantId", "phoneE164", "firstName", "lastName", "optedOutAt")
       SELECT $1::uuid, $2, $3, $4, (SELECT "createdAt" FROM dnc_entries WHERE "tenantId" = $1::uuid AND "phoneE164" = $2)
       ON CONFLICT ("tenantId", "phoneE164") DO NOTHING RETURNING id`,
      [actor.tenantId, conversation.remoteE164, input.firstName || null, input.lastName || null],
    );
    if (!created.rows[0]) {
      const { rows } = await tx.query<{ id: string }>(
        `SELECT id FROM contacts WHERE "tenantId" = $1::uuid AND "phoneE164" = $2`,
        [actor.tenantId, conversation.remoteE164],
      );
      return { contactId: rows[0].id, created: false };
    }
    const contactId = created.rows[0].id;
    await tx.query(
      `UPDATE inbound_messages SET "contactId" = $3::uuid WHERE "tenantId" = $1::uuid AND "fromE164" = $2 AND "contactId" IS NULL`,
      [actor.tenantId, conversation.remoteE164, contactId],
    );
    await writeAudit(tx, {
      tenantId: actor.tenantId,
      actorUserId: actor.userId,
      action: 'contact.created_from_conversation',
      entityType: 'contact',
      entityId: contactId,
      details: { number: conversation.remoteE164, conversationId },
    });
    return { contactId, created: true };
  });
}
