import 'server-only';
import type { Actor } from '../auth/actor';
import { writeAudit } from '../auth/audit';
import { inTransaction } from '../db/transaction';
import { AppError } from '../errors';
import { DNC_CHANNELS, type AddToDncInput } from './dnc-schemas';
import { optOutNumber, type OptOutResult } from './opt-out';
import { normalisePhone } from './phone';

export interface AddNumberToDncOptions {
  actor: Actor;
  input: AddToDncInput;
}

/**
 * Staff put a number on the do-not-contact list because its owner asked another
 * way than a STOP: effective at once, as a STOP is (queued messages skipped), for
 * a contact or a number that is not one yet, so no import can bring it in.
 */
export async function addNumberToDnc({
  actor,
  input,
}: AddNumberToDncOptions): Promise<OptOutResult & { phoneE164: string }> {
  const phone = normalisePhone(input.phone);
  if (!phone.ok) throw new AppError('invalid', `“${input.phone}” cannot go on the list: ${phone.reason}.`);
  const reason = input.note ? `${DNC_CHANNELS[input.channel]}: ${input.note}` : DNC_CHANNELS[input.channel];
  return inTransaction(async (tx) => {
    const {
      rows: [existing],
    } = await tx.query<{ createdAt: Date }>(
      `SELECT "createdAt" FROM dnc_entries WHERE "tenantId" = $1::uuid AND "phoneE164" = $2`,
      [actor.tenantId, phone.e164],
    );
    if (existing) throw new AppError('conflict', `${phone.e164} is already on the do-not-contact list.`);
    const result = await optOutNumber(tx, {
      tenantId: actor.tenantId,
      phoneE164: phone.e164,
      source: 'ADMIN',
      reason,
      actorUserId: actor.userId,
    });
    await writeAudit(tx, {
      tenantId: actor.tenantId,
      actorUserId: actor.userId,
      action: 'dnc.added',
      entityType: 'dnc_number',
      entityId: phone.e164,
      details: { reason, contactId: result.contactId, skippedJobs: result.skippedJobs },
    });
    return { ...result, phoneE164: phone.e164 };
  });
}
