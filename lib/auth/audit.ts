import type { Prisma } from '../generated/prisma/client';

type AuditWriter = Pick<Prisma.TransactionClient, 'auditLog'>;

/** Writes an audit row; pass the transaction that makes the change so both commit together. */
export async function writeAudit(
  tx: AuditWriter,
  entry: { tenantId: string; actorUserId: string | null; action: string; entityType: string; entityId?: string; details?: Prisma.InputJsonValue },
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
