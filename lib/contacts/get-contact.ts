import 'server-only';
import type { Actor } from '../auth/actor';
import { seesPersonalData } from '../auth/roles';
import { db } from '../db/client';
import { AppError } from '../errors';
import { maskPhone } from './mask-phone';

export interface GetContactOptions {
  actor: Actor;
  contactId: string;
}

/** A contact with its consent history and the imports that touched it; a viewer gets it without the personal details. */
export async function getContact({ actor, contactId }: GetContactOptions) {
  const contact = await db().contact.findFirst({
    where: { id: contactId, tenantId: actor.tenantId },
    select: {
      id: true,
      phoneE164: true,
      firstName: true,
      lastName: true,
      email: true,
      tags: true,
      customFields: true,
      consentStatus: true,
      consentSource: true,
      consentAt: true,
      timeZone: true,
      state: true,
      postcode: true,
      optedOutAt: true,
      createdAt: true,
      updatedAt: true,
      consentEvents: {
        orderBy: { occurredAt: 'desc' },
        take: 100,
        select: {
          id: true,
          action: true,
          status: true,
          source: true,
          actorUserId: true,
          importBatchId: true,
          occurredAt: true,
        },
      },
      imports: {
        orderBy: { createdAt: 'desc' },
        select: { action: true, createdAt: true, batch: { select: { id: true, fileName: true } } },
      },
    },
  });
  if (!contact) throw new AppError('not_found', 'That contact does not exist.');
  const dnc = await db().dncEntry.findUnique({
    where: { tenantId_phoneE164: { tenantId: actor.tenantId, phoneE164: contact.phoneE164 } },
    select: { source: true, createdAt: true },
  });
  if (seesPersonalData(actor.role)) return { ...contact, dnc, personalDataHidden: false };
  return {
    ...contact,
    phoneE164: maskPhone(contact.phoneE164),
    email: null,
    customFields: {},
    dnc,
    personalDataHidden: true,
  };
}
