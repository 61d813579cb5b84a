import 'server-only';
import type { Actor } from '../auth/actor';
import { inTransaction } from '../db/transaction';
import { AppError } from '../errors';
import { normalisePhone } from './phone';
import { takeOffDnc } from './take-off-dnc';

export interface RemoveNumberFromDncOptions {
  actor: Actor;
  phone: string;
  reason: string;
}

/** An admin takes a number off the list, a contact's or not, with a reason; audited. */
export async function removeNumberFromDnc({ actor, phone, reason }: RemoveNumberFromDncOptions): Promise<void> {
  const normalised = normalisePhone(phone);
  if (!normalised.ok) throw new AppError('invalid', `“${phone}” is not a phone number: ${normalised.reason}.`);
  await inTransaction((tx) =>
    takeOffDnc(tx, {
      actor,
      phoneE164: normalised.e164,
      reason,
      audit: { action: 'dnc.removed', entityType: 'dnc_number', entityId: normalised.e164 },
    }),
  );
}
