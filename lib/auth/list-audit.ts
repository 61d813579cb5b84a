import 'server-only';
import { z } from 'zod';
import { db } from '../db/client';
import type { Actor } from './actor';

export const AuditQuerySchema = z.object({
  before: z.coerce.bigint().optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export interface ListAuditOptions {
  actor: Actor;
  query: z.infer<typeof AuditQuerySchema>;
}

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
  const users = await db().user.findMany({
    where: { id: { in: actorIds }, memberships: { some: { tenantId: actor.tenantId } } },
    select: { id: true, email: true },
  });
  const emailById = new Map(users.map((u) => [u.id, u.email]));
  return rows.map((r) => ({
    id: r.id.toString(),
    action: r.action,
    entityType: r.entityType,
    entityId: r.entityId,
    details: r.details,
    createdAt: r.createdAt.toISOString(),
    actor: r.actorUserId ? (emailById.get(r.actorUserId) ?? 'former member') : 'system',
  }));
}
export type AuditView = Awaited<ReturnType<typeof listAudit>>[number];
