import 'server-only';
import type { Actor } from '../auth/actor';
import { writeAudit } from '../auth/audit';
import { inTransaction } from '../db/transaction';
import { AppError } from '../errors';
import type { ContactDetails } from './contact-input';

export interface UpdateContactOptions {
  actor: Actor;
  contactId: string;
  input: ContactDetails;
}

type Stored = { [K in keyof ContactDetails]: ContactDetails[K] };

const FIELDS: (keyof ContactDetails)[] = [
  'firstName',
  'lastName',
  'email',
  'state',
  'postcode',
  'timeZone',
  'tags',
  'customFields',
];

/**
 * Staff change a contact's details; what changed, from what to what, is written
 * to the contact's history (the audit log) with who changed it, in the same
 * transaction. Consent and the number are not edited here: they have their own
 * records (opt-out, opt-in, imports).
 */
export async function updateContact({ actor, contactId, input }: UpdateContactOptions): Promise<{ changed: string[] }> {
  return inTransaction(async (tx) => {
    const {
      rows: [current],
    } = await tx.query<Stored>(
      `SELECT "firstName", "lastName", email, state, postcode, "timeZone", tags, "customFields"
         FROM contacts WHERE id = $1::uuid AND "tenantId" = $2::uuid FOR UPDATE`,
      [contactId, actor.tenantId],
    );
    if (!current) throw new AppError('not_found', 'That contact does not exist.');
    const changes = Object.fromEntries(
      FIELDS.filter((f) => JSON.stringify(current[f]) !== JSON.stringify(input[f])).map((f) => [
        f,
        { from: current[f], to: input[f] },
      ]),
    );
    const changed = Object.keys(changes);
    if (changed.length === 0) return { changed };
    await tx.query(
      `UPDATE contacts SET "firstName" = $3, "lastName" = $4, email = $5, state = $6, postcode = $7, "timeZone" = $8,
              tags = $9::text[], "customFields" = $10::jsonb, "updatedAt" = now()
        WHERE id = $1::uuid AND "tenantId" = $2::uuid`,
      [
        contactId,
        actor.tenantId,
        input.firstName,
        input.lastName,
        input.email,
        input.state,
        input.postcode,
        input.timeZone,
        input.tags,
        JSON.stringify(input.customFields),
      ],
    );
    await writeAudit(tx, {
      tenantId: actor.tenantId,
      actorUserId: actor.userId,
      action: 'contact.updated',
      entityType: 'contact',
      entityId: contactId,
      details: { changes },
    });
    return { changed };
  });
}
