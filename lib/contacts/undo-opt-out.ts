import 'server-only';
import { z } from 'zod';
import type { Actor } from '../auth/actor';
import { writeAudit } from '../auth/audit';
import { inTransaction } from '../db/transaction';
import type { DncSource } from '../generated/prisma/enums';
import { AppError } from '../errors';
import { optInNumber } from './opt-in';

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

/** An admin takes a number off DNC, e.g. when the person asked in another way; always audited. */
export async function undoOptOut({ actor, contactId, reason }: UndoOptOutOptions) {
  await inTransaction(async (tx) => {
    const {
      rows: [contact],
    } = await tx.query<{ phoneE164: string }>(
      `SELECT "phoneE164" FROM contacts WHERE id = $1::uuid AND "tenantId" = $2::uuid`,
      [contactId, actor.tenantId],
    );
    if (!contact) throw new AppError('not_found', 'That contact does not exist.');
    const {
      rows: [onList],
    } = await tx.query<{ source: DncSource }>(
      `SELECT source FROM dnc_entries WHERE "tenantId" = $1::uuid AND "phoneE164" = $2`,
      [actor.tenantId, contact.phoneE164],
    );
    if (!onList) throw new AppError('conflict', 'This contact is not on the do-not-contact list.');
    await optInNumber(tx, {
      tenantId: actor.tenantId,
      phoneE164: contact.phoneE164,
      source: 'admin',
      actorUserId: actor.userId,
    });
    await writeAudit(tx, {
      tenantId: actor.tenantId,
      actorUserId: actor.userId,
      action: 'contact.opt_out_undone',
      entityType: 'contact',
      entityId: contactId,
      details: { reason, previousSource: onList.source },
    });
  });
}
