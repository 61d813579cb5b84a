import { z } from 'zod';
import type { Actor } from '../auth/actor';
import { writeAudit } from '../auth/audit';
import { db } from '../db/client';
import { AppError } from '../errors';
import { optInNumber } from './opt-in';

export const UndoOptOutSchema = z.object({
  reason: z
    .string()
    .trim()
    .min(5, 'Say why the opt-out is being undone (e.g. "customer asked by phone on 3 May").')
    .max(300),
});

/** An admin takes a number off DNC, e.g. when the person asked in another way; always audited. */
export async function undoOptOut({ actor, contactId, reason }: { actor: Actor; contactId: string; reason: string }) {
  await db().$transaction(async (tx) => {
    const contact = await tx.contact.findFirst({
      where: { id: contactId, tenantId: actor.tenantId },
      select: { phoneE164: true },
    });
    if (!contact) throw new AppError('not_found', 'That contact does not exist.');
    const onList = await tx.dncEntry.findUnique({
      where: { tenantId_phoneE164: { tenantId: actor.tenantId, phoneE164: contact.phoneE164 } },
      select: { source: true },
    });
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
