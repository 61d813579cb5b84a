import 'server-only';
import { z } from 'zod';
import type { Actor } from '../auth/actor';
import { inTransaction } from '../db/transaction';
import { AppError } from '../errors';
import { takeOffDnc } from './take-off-dnc';

export const UndoOptOutSchema = z.object({
  reason: z
    .string()
    .trim()
    .min(5, 'Say why the opt-out is being undone (e.g. "customer asked by phone on 3 May").')
    .max(300),
});

export interface UndoOptOutOptions {
  actor: Actor;
  contactId: string;
  reason: string;
}

/** An admin takes a contact's number off DNC, e.g. when the person asked in another way; always audited. */
export async function undoOptOut({ actor, contactId, reason }: UndoOptOutOptions) {
  await inTransaction(async (tx) => {
    const {
      rows: [contact],
    } = await tx.query<{ phoneE164: string }>(
      `SELECT "phoneE164" FROM contacts WHERE id = $1::uuid AND "tenantId" = $2::uuid`,
      [contactId, actor.tenantId],
    );
    if (!contact) throw new AppError('not_found', 'That contact does not exist.');
    await takeOffDnc(tx, {
      actor,
      phoneE164: contact.phoneE164,
      reason,
      audit: { action: 'contact.opt_out_undone', entityType: 'contact', entityId: contactId },
    });
  });
}
