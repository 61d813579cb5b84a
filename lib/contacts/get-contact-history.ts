import 'server-only';
import type { Actor } from '../auth/actor';
import { auditActionLabel } from '../auth/audit-action-labels';
import { seesPersonalData } from '../auth/roles';
import { pgPool } from '../db/pg-pool';

export interface GetContactHistoryOptions {
  actor: Actor;
  contactId: string;
}

export interface ContactHistoryEntry {
  at: Date;
  who: string | null;
  what: string;
  /** Each changed field with its old and new value; empty for a viewer, who sees that it changed but not to what. */
  changes: { field: string; from: unknown; to: unknown }[];
}

/** Who added, changed or opted out this contact by hand, newest first, from the audit log. */
export async function getContactHistory({
  actor,
  contactId,
}: GetContactHistoryOptions): Promise<ContactHistoryEntry[]> {
  const { rows } = await pgPool().query<{
    createdAt: Date;
    email: string | null;
    action: string;
    details: { changes?: Record<string, { from: unknown; to: unknown }> };
  }>(
    `SELECT a."createdAt", u.email, a.action, a.details
       FROM audit_log a LEFT JOIN users u ON u.id = a."actorUserId"
      WHERE a."tenantId" = $1::uuid AND a."entityType" = 'contact' AND a."entityId" = $2
      ORDER BY a."createdAt" DESC, a.id DESC LIMIT 100`,
    [actor.tenantId, contactId],
  );
  const personal = seesPersonalData(actor.role);
  return rows.map((r) => ({
    at: r.createdAt,
    who: r.email,
    what: auditActionLabel(r.action),
    changes: personal ? Object.entries(r.details.changes ?? {}).map(([field, change]) => ({ field, ...change })) : [],
  }));
}
