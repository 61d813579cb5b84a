import type { Prisma } from '../generated/prisma/client';

/** Takes a number off the do-not-contact list because its owner asked (START). */
export async function optInNumber(
  tx: Prisma.TransactionClient,
  options: { tenantId: string; phoneE164: string; source: string; actorUserId?: string | null },
): Promise<{ contactId: string | null }> {
  const { tenantId, phoneE164, source } = options;
  await tx.dncEntry.deleteMany({ where: { tenantId, phoneE164 } });
  const contact = await tx.contact.findUnique({
    where: { tenantId_phoneE164: { tenantId, phoneE164 } },
    select: { id: true, optedOutAt: true },
  });
  if (!contact) return { contactId: null };
  if (contact.optedOutAt) {
    await tx.contact.update({ where: { id: contact.id }, data: { optedOutAt: null } });
    await tx.consentEvent.create({
      data: { tenantId, contactId: contact.id, action: 'OPTED_IN', source, actorUserId: options.actorUserId ?? null },
    });
  }
  return { contactId: contact.id };
}
