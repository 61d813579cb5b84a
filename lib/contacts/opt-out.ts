import type { Prisma } from '../generated/prisma/client';
import type { DncSource } from '../generated/prisma/enums';

/**
 * Puts a number on the tenant's do-not-contact list at once: the DNC entry, the
 * contact's opt-out mark and consent record, and every job still waiting to be
 * sent to it skipped — all in the caller's transaction, so they land together.
 */
export async function optOutNumber(
  tx: Prisma.TransactionClient,
  options: { tenantId: string; phoneE164: string; source: DncSource; reason: string; actorUserId?: string | null },
): Promise<{ contactId: string | null; skippedJobs: number }> {
  const { tenantId, phoneE164, source, reason } = options;
  await tx.dncEntry.upsert({
    where: { tenantId_phoneE164: { tenantId, phoneE164 } },
    create: { tenantId, phoneE164, source, reason, createdById: options.actorUserId ?? null },
    update: {},
  });
  const contact = await tx.contact.findUnique({
    where: { tenantId_phoneE164: { tenantId, phoneE164 } },
    select: { id: true, optedOutAt: true },
  });
  if (!contact) return { contactId: null, skippedJobs: 0 };
  if (!contact.optedOutAt) {
    await tx.contact.update({ where: { id: contact.id }, data: { optedOutAt: new Date() } });
    await tx.consentEvent.create({
      data: {
        tenantId,
        contactId: contact.id,
        action: 'OPTED_OUT',
        source: source.toLowerCase(),
        actorUserId: options.actorUserId ?? null,
        details: { reason },
      },
    });
  }
  const skipped = await tx.sendJob.updateMany({
    where: { tenantId, contactId: contact.id, state: 'QUEUED' },
    data: { state: 'SKIPPED', gateReason: 'opted out', finishedAt: new Date() },
  });
  return { contactId: contact.id, skippedJobs: skipped.count };
}
