import 'server-only';
import type { Actor } from '../auth/actor';
import { writeAudit } from '../auth/audit';
import type { Tx } from '../db/transaction';
import type { DncSource } from '../generated/prisma/enums';
import { AppError } from '../errors';
import { optInNumber } from './opt-in';

export interface TakeOffDncOptions {
  actor: Actor;
  phoneE164: string;
  reason: string;
  /** Whom the audit entry is about: the contact when undone from their page, else the number. */
  audit: { action: string; entityType: string; entityId: string };
}

/** An admin takes a number off the list, with the reason and what put it there audited in the same transaction. */
export async function takeOffDnc(tx: Tx, { actor, phoneE164, reason, audit }: TakeOffDncOptions): Promise<void> {
  const {
    rows: [onList],
  } = await tx.query<{ source: DncSource }>(
    `SELECT source FROM dnc_entries WHERE "tenantId" = $1::uuid AND "phoneE164" = $2 FOR UPDATE`,
    [actor.tenantId, phoneE164],
  );
  if (!onList) throw new AppError('not_found', `${phoneE164} is not on the do-not-contact list.`);
  await optInNumber(tx, { tenantId: actor.tenantId, phoneE164, source: 'admin', actorUserId: actor.userId });
  await writeAudit(tx, {
    tenantId: actor.tenantId,
    actorUserId: actor.userId,
    ...audit,
    details: { reason, previousSource: onList.source },
  });
}
