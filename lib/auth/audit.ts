import 'server-only';
import type { Tx } from '../db/transaction';

export interface AuditEntry {
  tenantId: string;
  actorUserId: string | null;
  action: string;
  entityType: string;
  entityId?: string;
  details?: Record<string, unknown>;
}

/** Writes an audit row in the transaction that makes the change, so both commit together. */
export async function writeAudit(tx: Tx, entry: AuditEntry): Promise<void> {
  await tx.query(
    `INSERT INTO audit_log ("tenantId", "actorUserId", action, "entityType", "entityId", details, "createdAt")
     VALUES ($1::uuid, $2::uuid, $3, $4, $5, $6::jsonb, now())`,
    [
      entry.tenantId,
      entry.actorUserId,
      entry.action,
      entry.entityType,
      entry.entityId ?? null,
      JSON.stringify(entry.details ?? {}),
    ],
  );
}
