import 'server-only';
import type { Tx } from '../db/transaction';
import type { BulkActionKind } from '../generated/prisma/enums';

export interface BulkActionToApply {
  id: string;
  tenantId: string;
  kind: BulkActionKind;
  tags: string[];
  reason: string | null;
  createdById: string | null;
}

export interface ApplyBulkActionChunkOptions {
  action: BulkActionToApply;
  /** The frozen contacts numbered after `after` up to and including `through`. */
  after: number;
  through: number;
}

/** The chunk's contacts of the tenant that still exist; `$1` action, `$2`/`$3` the seq range, `$4` tenant. */
const CHUNK = `SELECT b."contactId" FROM bulk_action_contacts b
  WHERE b."bulkActionId" = $1::uuid AND b.seq > $2 AND b.seq <= $3`;

/**
 * One chunk of a bulk action, set-based, in the caller's transaction (which also
 * moves the action's progress, so a chunk is applied exactly once). An opt-out is
 * what a STOP does to each contact — DNC entry, opt-out mark and consent record,
 * queued messages skipped; deleting keeps an opted-out number on the DNC list so no
 * import can bring it back, and skips its queued messages.
 */
export async function applyBulkActionChunk(tx: Tx, { action, after, through }: ApplyBulkActionChunkOptions) {
  const base = [action.id, after, through, action.tenantId];
  const inChunk = `c."tenantId" = $4::uuid AND c.id IN (${CHUNK})`;
  const skipQueued = (why: string) =>
    tx.query(
      `UPDATE send_jobs SET state = 'SKIPPED', "gateReason" = $5, "finishedAt" = now(), "updatedAt" = now()
       WHERE "tenantId" = $4::uuid AND state = 'QUEUED' AND "contactId" IN (${CHUNK})`,
      [...base, why],
    );
  switch (action.kind) {
    case 'ADD_TAGS':
      await tx.query(
        `UPDATE contacts c SET tags = c.tags || ARRAY(SELECT t FROM unnest($5::text[]) t WHERE NOT t = ANY(c.tags)),
           "updatedAt" = now()
         WHERE ${inChunk} AND NOT c.tags @> $5::text[]`,
        [...base, action.tags],
      );
      return;
    case 'REMOVE_TAGS':
      await tx.query(
        `UPDATE contacts c SET tags = ARRAY(SELECT t FROM unnest(c.tags) t WHERE NOT t = ANY($5::text[])), "updatedAt" = now()
         WHERE ${inChunk} AND c.tags && $5::text[]`,
        [...base, action.tags],
      );
      return;
    case 'OPT_OUT':
      await tx.query(
        `INSERT INTO dnc_entries ("tenantId", "phoneE164", source, reason, "createdById")
         SELECT $4::uuid, c."phoneE164", 'ADMIN', $5, $6::uuid FROM contacts c WHERE ${inChunk}
         ON CONFLICT ("tenantId", "phoneE164") DO NOTHING`,
        [...base, action.reason, action.createdById],
      );
      await tx.query(
        `WITH marked AS (
           UPDATE contacts c SET "optedOutAt" = now(), "updatedAt" = now()
           WHERE ${inChunk} AND c."optedOutAt" IS NULL RETURNING c.id)
         INSERT INTO consent_events ("tenantId", "contactId", action, source, "actorUserId", details)
         SELECT $4::uuid, id, 'OPTED_OUT', 'admin', $6::uuid, jsonb_build_object('reason', $5::text, 'bulkActionId', $1::text)
         FROM marked`,
        [...base, action.reason, action.createdById],
      );
      await skipQueued('opted out');
      return;
    case 'DELETE':
      await tx.query(
        `INSERT INTO dnc_entries ("tenantId", "phoneE164", source, reason, "createdById")
         SELECT $4::uuid, c."phoneE164", 'ADMIN', 'Opted out; the contact was deleted', $5::uuid
         FROM contacts c WHERE ${inChunk} AND c."optedOutAt" IS NOT NULL
         ON CONFLICT ("tenantId", "phoneE164") DO NOTHING`,
        [...base, action.createdById],
      );
      await skipQueued('contact deleted');
      await tx.query(`DELETE FROM contacts c WHERE ${inChunk}`, base);
      return;
  }
}
