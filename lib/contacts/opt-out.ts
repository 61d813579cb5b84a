import 'server-only';
import type { Tx } from '../db/transaction';
import type { DncSource } from '../generated/prisma/enums';

export interface OptOutNumberOptions {
  tenantId: string;
  phoneE164: string;
  source: DncSource;
  reason: string;
  actorUserId?: string | null;
}

export interface OptOutResult {
  contactId: string | null;
  skippedJobs: number;
}

/**
 * Puts a number on the tenant's do-not-contact list at once: the DNC entry, the
 * contact's opt-out mark and consent record, and every job still waiting to be
 * sent to it skipped — all in the caller's transaction, so they land together.
 */
export async function optOutNumber(tx: Tx, options: OptOutNumberOptions): Promise<OptOutResult> {
  const { tenantId, phoneE164, source, reason } = options;
  const actorUserId = options.actorUserId ?? null;
  await tx.query(
    `INSERT INTO dnc_entries ("tenantId", "phoneE164", source, reason, "createdById")
     VALUES ($1::uuid, $2, $3::"DncSource", $4, $5::uuid)
     ON CONFLICT ("tenantId", "phoneE164") DO NOTHING`,
    [tenantId, phoneE164, source, reason, actorUserId],
  );
  const { rows } = await tx.query<{ id: string; optedOutAt: Date | null }>(
    `SELECT id, "optedOutAt" FROM contacts WHERE "tenantId" = $1::uuid AND "phoneE164" = $2`,
    [tenantId, phoneE164],
  );
  const contact = rows[0];
  if (!contact) return { contactId: null, skippedJobs: 0 };
  if (!contact.optedOutAt) {
    await tx.query(`UPDATE contacts SET "optedOutAt" = now(), "updatedAt" = now() WHERE id = $1::uuid`, [contact.id]);
    await tx.query(
      `INSERT INTO consent_events ("tenantId", "contactId", action, source, "actorUserId", details)
       VALUES ($1::uuid, $2::uuid, 'OPTED_OUT', $3, $4::uuid, $5::jsonb)`,
      [tenantId, contact.id, source.toLowerCase(), actorUserId, JSON.stringify({ reason })],
    );
  }
  const skipped = await tx.query(
    `UPDATE send_jobs SET state = 'SKIPPED', "gateReason" = 'opted out', "finishedAt" = now(), "updatedAt" = now()
     WHERE "tenantId" = $1::uuid AND "contactId" = $2::uuid AND state = 'QUEUED'`,
    [tenantId, contact.id],
  );
  return { contactId: contact.id, skippedJobs: skipped.rowCount ?? 0 };
}
