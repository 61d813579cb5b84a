import 'server-only';
import type { Actor } from '../auth/actor';
import { writeAudit } from '../auth/audit';
import { inTransaction } from '../db/transaction';
import { AppError } from '../errors';
import type { NewContact } from './contact-input';
import { normalisePhone } from './phone';

export interface CreateContactOptions {
  actor: Actor;
  input: NewContact;
}

/**
 * Staff add a contact by hand, its number normalised as an import does, with the
 * consent it gave recorded as proof (who took it, how, when). A number on the
 * do-not-contact list is refused: only an admin may take it off first.
 */
export async function createContact({ actor, input }: CreateContactOptions): Promise<{ id: string }> {
  const phone = normalisePhone(input.phone);
  if (!phone.ok)
    throw new AppError('invalid', `“${input.phone}” is not a phone number we can message: ${phone.reason}.`);
  if (phone.kind === 'landline')
    throw new AppError('invalid', `${phone.e164} is a landline, which cannot receive text messages.`);
  return inTransaction(async (tx) => {
    const { rows: existing } = await tx.query<{ kind: string; id: string | null }>(
      `SELECT 'contact' AS kind, id FROM contacts WHERE "tenantId" = $1::uuid AND "phoneE164" = $2
       UNION ALL SELECT 'dnc', NULL FROM dnc_entries WHERE "tenantId" = $1::uuid AND "phoneE164" = $2`,
      [actor.tenantId, phone.e164],
    );
    if (existing.some((e) => e.kind === 'contact'))
      throw new AppError('conflict', `${phone.e164} is already a contact; edit that contact instead.`);
    if (existing.some((e) => e.kind === 'dnc'))
      throw new AppError(
        'conflict',
        `${phone.e164} is on the do-not-contact list; an admin must take it off before it can be added.`,
      );
    const consented = input.consentStatus !== 'UNKNOWN';
    const {
      rows: [contact],
    } = await tx.query<{ id: string }>(
      `INSERT INTO contacts ("tenantId", "phoneE164", "firstName", "lastName", email, tags, "customFields",
                             "consentStatus", "consentSource", "consentAt", "timeZone", state, postcode, "updatedAt")
       VALUES ($1::uuid, $2, $3, $4, $5, $6::text[], $7::jsonb, $8::"ConsentStatus", $9, $10::timestamp, $11, $12, $13, now())
       RETURNING id`,
      [
        actor.tenantId,
        phone.e164,
        input.firstName,
        input.lastName,
        input.email,
        input.tags,
        JSON.stringify(input.customFields),
        input.consentStatus,
        input.consentSource || null,
        consented ? new Date().toISOString() : null,
        input.timeZone,
        input.state,
        input.postcode,
      ],
    );
    if (consented)
      await tx.query(
        `INSERT INTO consent_events ("tenantId", "contactId", action, status, source, "actorUserId", details)
         VALUES ($1::uuid, $2::uuid, 'GRANTED', $3::"ConsentStatus", $4, $5::uuid, $6::jsonb)`,
        [
          actor.tenantId,
          contact.id,
          input.consentStatus,
          input.consentSource,
          actor.userId,
          JSON.stringify({ proof: input.consentProof || null, recordedBy: actor.email }),
        ],
      );
    await writeAudit(tx, {
      tenantId: actor.tenantId,
      actorUserId: actor.userId,
      action: 'contact.created',
      entityType: 'contact',
      entityId: contact.id,
      details: { consentStatus: input.consentStatus },
    });
    return contact;
  });
}
