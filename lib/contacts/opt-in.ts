import 'server-only';
import type { Tx } from '../db/transaction';

export interface OptInNumberOptions {
  tenantId: string;
  phoneE164: string;
  source: string;
  actorUserId?: string | null;
}

/** Takes a number off the do-not-contact list because its owner asked (START). */
export async function optInNumber(tx: Tx, options: OptInNumberOptions): Promise<{ contactId: string | null }> {
  const { tenantId, phoneE164, source } = options;
  await tx.query(`DELETE FROM dnc_entries WHERE "tenantId" = $1::uuid AND "phoneE164" = $2`, [tenantId, phoneE164]);
  const { rows } = await tx.query<{ id: string; optedOutAt: Date | null }>(
    `SELECT id, "optedOutAt" FROM contacts WHERE "tenantId" = $1::uuid AND "phoneE164" = $2`,
    [tenantId, phoneE164],
  );
  const contact = rows[0];
  if (!contact) return { contactId: null };
  if (contact.optedOutAt) {
    await tx.query(`UPDATE contacts SET "optedOutAt" = NULL, "updatedAt" = now() WHERE id = $1::uuid`, [contact.id]);
    await tx.query(
      `INSERT INTO consent_events ("tenantId", "contactId", action, source, "actorUserId")
       VALUES ($1::uuid, $2::uuid, 'OPTED_IN', $3, $4::uuid)`,
      [tenantId, contact.id, source, options.actorUserId ?? null],
    );
  }
  return { contactId: contact.id };
}
