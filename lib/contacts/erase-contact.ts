import 'server-only';
import { z } from 'zod';
import type { Actor } from '../auth/actor';
import { writeAudit } from '../auth/audit';
import { inTransaction } from '../db/transaction';
import { AppError } from '../errors';

export const EraseContactSchema = z.object({
  reason: z
    .string({ message: 'Say who asked for the erasure and how.' })
    .trim()
    .min(5, 'Say who asked for the erasure and how (e.g. "customer e-mailed on 3 May").')
    .max(300, 'A reason can have at most 300 characters.'),
});

export interface EraseContactOptions {
  actor: Actor;
  contactId: string;
  reason: string;
}

/**
 * Erases a person on request (Australian Privacy Principle 11): the contact with
 * its name, e-mail, tags, custom fields, consent history and import lineage; the
 * texts of every message sent to them and received from them (campaign messages,
 * replies, staff answers in the inbox), the browsers their
 * clicks came from, and what their import rows said. Their number stays on the do-not-contact list with the reason, so no
 * import or campaign can reach them again, and the campaigns' counts stay true
 * (their jobs keep their outcome without the text). One transaction, audited
 * without the personal data.
 */
export async function eraseContact({ actor, contactId, reason }: EraseContactOptions): Promise<{ phoneE164: string }> {
  return inTransaction(async (tx) => {
    const {
      rows: [contact],
    } = await tx.query<{ phoneE164: string }>(
      `SELECT "phoneE164" FROM contacts WHERE id = $1::uuid AND "tenantId" = $2::uuid FOR UPDATE`,
      [contactId, actor.tenantId],
    );
    if (!contact) throw new AppError('not_found', 'That contact does not exist.');
    const values = [actor.tenantId, contact.phoneE164];
    await tx.query(
      `INSERT INTO dnc_entries ("tenantId", "phoneE164", source, reason, "createdById")
       VALUES ($1::uuid, $2, 'ADMIN', $3, $4::uuid)
       ON CONFLICT ("tenantId", "phoneE164") DO UPDATE SET reason = EXCLUDED.reason`,
      [...values, `Erased on request: ${reason}`, actor.userId],
    );
    // Queued messages are skipped (the list stops them too); every text addressed to them goes.
    await tx.query(
      `UPDATE send_jobs SET body = NULL,
              state = CASE WHEN state = 'QUEUED' THEN 'SKIPPED'::"SendJobState" ELSE state END,
              "gateReason" = CASE WHEN state = 'QUEUED' THEN 'erased on request' ELSE "gateReason" END,
              "updatedAt" = now()
        WHERE "tenantId" = $1::uuid AND "contactId" = $2::uuid`,
      [actor.tenantId, contactId],
    );
    await tx.query(
      `UPDATE clicks SET "userAgent" = NULL
        WHERE "tenantId" = $1::uuid AND "shortLinkId" IN (
          SELECT l.id FROM short_links l JOIN send_jobs j ON j.id = l."sendJobId"
           WHERE j."tenantId" = $1::uuid AND j."contactId" = $2::uuid)`,
      [actor.tenantId, contactId],
    );
    await tx.query(
      `UPDATE inbound_messages SET body = '', "contactId" = NULL WHERE "tenantId" = $1::uuid AND "fromE164" = $2`,
      values,
    );
    await tx.query(
      `UPDATE conversation_replies SET body = ''
        WHERE "tenantId" = $1::uuid AND "conversationId" IN (
          SELECT id FROM conversations WHERE "tenantId" = $1::uuid AND "remoteE164" = $2)`,
      values,
    );
    await tx.query(
      `UPDATE conversations SET "lastInboundBody" = '', "updatedAt" = now()
        WHERE "tenantId" = $1::uuid AND "remoteE164" = $2`,
      values,
    );
    await tx.query(`UPDATE import_rows SET raw = '{}'::jsonb WHERE "tenantId" = $1::uuid AND "phoneE164" = $2`, values);
    // Consent events and import lineage go with the contact (foreign keys cascade).
    await tx.query(`DELETE FROM contacts WHERE id = $1::uuid`, [contactId]);
    // The contact's edit history held the old values; who edited it, and when, stays.
    await tx.query(
      `UPDATE audit_log SET details = '{}'::jsonb
        WHERE "tenantId" = $1::uuid AND "entityType" = 'contact' AND "entityId" = $2`,
      [actor.tenantId, contactId],
    );
    await writeAudit(tx, {
      tenantId: actor.tenantId,
      actorUserId: actor.userId,
      action: 'contact.erased',
      entityType: 'contact',
      entityId: contactId,
      details: { reason },
    });
    return { phoneE164: contact.phoneE164 };
  });
}
