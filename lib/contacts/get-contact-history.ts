import 'server-only';
import type { Actor } from '../auth/actor';
import { auditActionLabel } from '../auth/audit-action-labels';
import { seesPersonalData } from '../auth/roles';
import { pgPool } from '../db/pg-pool';
import { formatQuantity } from '../format/number';

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

const BULK_WHAT: Record<string, (tags: string[], total: number) => string> = {
  ADD_TAGS: (tags, total) => `Tagged ${tags.join(', ')} with ${formatQuantity(total - 1, 'other contact')}`,
  REMOVE_TAGS: (tags, total) => `Untagged ${tags.join(', ')} with ${formatQuantity(total - 1, 'other contact')}`,
  OPT_OUT: (_tags, total) => `Opted out with ${formatQuantity(total - 1, 'other contact')}`,
};

/**
 * Who added, changed or opted out this contact by hand, newest first: its own
 * audit rows, and the bulk actions that reached it (recorded once per action, not
 * once per contact, so an action on 100,000 contacts stays one row).
 */
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
  const { rows: bulk } = await pgPool().query<{
    createdAt: Date;
    email: string | null;
    kind: string;
    tags: string[];
    total: number;
  }>(
    `SELECT b."createdAt", u.email, b.kind, b.tags, b.total
       FROM bulk_action_contacts bc
       JOIN bulk_actions b ON b.id = bc."bulkActionId" AND b."tenantId" = $1::uuid
       LEFT JOIN users u ON u.id = b."createdById"
      WHERE bc."contactId" = $2::uuid AND bc.seq <= b.done AND b.kind <> 'DELETE'
      ORDER BY b."createdAt" DESC LIMIT 100`,
    [actor.tenantId, contactId],
  );
  const personal = seesPersonalData(actor.role);
  return [
    ...rows.map((r) => ({
      at: r.createdAt,
      who: r.email,
      what: auditActionLabel(r.action),
      changes: personal ? Object.entries(r.details.changes ?? {}).map(([field, change]) => ({ field, ...change })) : [],
    })),
    ...bulk.map((b) => ({ at: b.createdAt, who: b.email, what: BULK_WHAT[b.kind](b.tags, b.total), changes: [] })),
  ].sort((a, b) => b.at.getTime() - a.at.getTime());
}
