import type { Queryable } from '../db/queryable';
import type { Prisma } from '../generated/prisma/client';

type AuditWriter = Pick<Prisma.TransactionClient, 'auditLog'>;

/** Writes an audit row; pass the transaction that makes the change so both commit together. */
export async function writeAudit(
  tx: AuditWriter,
  entry: {
    tenantId: string;
    actorUserId: string | null;
    action: string;
    entityType: string;
    entityId?: string;
    details?: Prisma.InputJsonValue;
  },
): Promise<void> {
  await tx.auditLog.create({
    data: {
      tenantId: entry.tenantId,
      actorUserId: entry.actorUserId,
      action: entry.action,
      entityType: entry.entityType,
      entityId: entry.entityId,
      details: entry.details ?? {},
    },
  });
}

/** The same audit row for work done in a node-postgres transaction (bulk SQL paths). */
export async function writeAuditSql(
  tx: Queryable,
  entry: {
    tenantId: string;
    actorUserId: string | null;
    action: string;
    entityType: string;
    entityId?: string;
    details?: Record<string, unknown>;
  },
): Promise<void> {
  await tx.query(
    `INSERT INTO audit_log ("tenantId", "actorUserId", action, "entityType", "entityId", details, "createdAt") VALUES ($1::uuid, $2::uuid, $3, $4, $5, $6::jsonb, now())`,
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
