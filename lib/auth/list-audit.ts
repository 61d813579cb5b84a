import 'server-only';
import { z } from 'zod';
import { db } from '../db/client';
import type { Actor } from './actor';
import { auditActionLabel } from './audit-action-labels';

export const AuditQuerySchema = z.object({
  before: z.coerce.bigint().optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export interface ListAuditOptions {
  actor: Actor;
  query: z.infer<typeof AuditQuerySchema>;
}

/** The record an entry is about, named and linked as the app shows it. */
export interface AuditRecord {
  label: string;
  href: string | null;
}

/** Names for the records a page of entries is about, looked up in one query per kind. */
async function recordsOf(
  tenantId: string,
  rows: { entityType: string; entityId: string | null }[],
): Promise<Map<string, AuditRecord>> {
  const ids = (type: string) => [
    ...new Set(rows.filter((r) => r.entityType === type && r.entityId).map((r) => r.entityId!)),
  ];
  const [campaigns, batches, contacts, numbers, memberships] = await Promise.all([
    db().campaign.findMany({ where: { tenantId, id: { in: ids('campaign') } }, select: { id: true, name: true } }),
    db().importBatch.findMany({
      where: { tenantId, id: { in: ids('import_batch') } },
      select: { id: true, fileName: true },
    }),
    db().contact.findMany({ where: { tenantId, id: { in: ids('contact') } }, select: { id: true, phoneE164: true } }),
    db().sendingNumber.findMany({
      where: { tenantId, id: { in: ids('sending_number') } },
      select: { id: true, value: true },
    }),
    db().membership.findMany({
      where: { tenantId, id: { in: ids('membership') } },
      select: { id: true, user: { select: { email: true } } },
    }),
  ]);
  const records = new Map<string, AuditRecord>();
  for (const c of campaigns) records.set(`campaign:${c.id}`, { label: c.name, href: `/campaigns/${c.id}` });
  for (const b of batches) records.set(`import_batch:${b.id}`, { label: b.fileName, href: `/imports/${b.id}` });
  for (const c of contacts) records.set(`contact:${c.id}`, { label: c.phoneE164, href: `/contacts/${c.id}` });
  for (const n of numbers) records.set(`sending_number:${n.id}`, { label: n.value, href: '/settings' });
  for (const m of memberships) records.set(`membership:${m.id}`, { label: m.user.email, href: '/users' });
  // A do-not-contact entry is known by its number, which outlives the entry itself.
  for (const phone of ids('dnc_number'))
    records.set(`dnc_number:${phone}`, { label: phone, href: `/contacts/dnc?q=${encodeURIComponent(phone)}` });
  return records;
}

const GONE: Record<string, string> = {
  campaign: 'a deleted campaign',
  import_batch: 'a deleted import',
  contact: 'a deleted contact',
  sending_number: 'a removed sending number',
  membership: 'a former member',
};

/** A page of the workspace's audit log, newest first, each entry with who, what and which record. */
export async function listAudit({ actor, query }: ListAuditOptions) {
  const rows = await db().auditLog.findMany({
    where: { tenantId: actor.tenantId, ...(query.before ? { id: { lt: query.before } } : {}) },
    orderBy: { id: 'desc' },
    take: query.limit,
    select: {
      id: true,
      action: true,
      entityType: true,
      entityId: true,
      details: true,
      createdAt: true,
      actorUserId: true,
    },
  });
  const actorIds = [...new Set(rows.map((r) => r.actorUserId).filter((id): id is string => id !== null))];
  const [users, records] = await Promise.all([
    db().user.findMany({
      where: { id: { in: actorIds }, memberships: { some: { tenantId: actor.tenantId } } },
      select: { id: true, email: true },
    }),
    recordsOf(actor.tenantId, rows),
  ]);
  const emailById = new Map(users.map((u) => [u.id, u.email]));
  const entries = rows.map((r) => ({
    id: r.id.toString(),
    action: r.action,
    what: auditActionLabel(r.action),
    entityType: r.entityType,
    entityId: r.entityId,
    record:
      records.get(`${r.entityType}:${r.entityId}`) ??
      (GONE[r.entityType] ? { label: GONE[r.entityType], href: null } : null),
    details: r.details,
    createdAt: r.createdAt.toISOString(),
    actor: r.actorUserId ? (emailById.get(r.actorUserId) ?? 'former member') : 'system',
  }));
  return { entries, nextBefore: rows.length === query.limit ? rows[rows.length - 1].id.toString() : null };
}
export type AuditView = Awaited<ReturnType<typeof listAudit>>['entries'][number];
