import 'server-only';
import { z } from 'zod';
import type { Actor } from '../auth/actor';
import { db } from '../db/client';
import type { Prisma } from '../generated/prisma/client';

export const ContactQuerySchema = z.object({
  q: z.string().trim().max(100).optional(),
  consent: z.enum(['EXPLICIT', 'IMPLIED', 'UNKNOWN']).optional(),
  tag: z.string().trim().max(60).optional(),
  dnc: z.enum(['only', 'exclude']).optional(),
  batch: z.string().uuid().optional(),
  page: z.coerce.number().int().min(1).default(1),
});
export type ContactQuery = z.infer<typeof ContactQuerySchema>;

const PAGE_SIZE = 50;

export interface ListContactsOptions {
  actor: Actor;
  query: ContactQuery;
}

export async function listContacts({ actor, query }: ListContactsOptions) {
  const where: Prisma.ContactWhereInput = { tenantId: actor.tenantId };
  if (query.consent) where.consentStatus = query.consent;
  if (query.tag) where.tags = { has: query.tag };
  if (query.dnc === 'only') where.optedOutAt = { not: null };
  if (query.dnc === 'exclude') where.optedOutAt = null;
  if (query.batch) where.imports = { some: { batchId: query.batch, tenantId: actor.tenantId } };
  if (query.q) {
    const digits = query.q.replace(/\D/g, '');
    where.OR = [
      { firstName: { contains: query.q, mode: 'insensitive' } },
      { lastName: { contains: query.q, mode: 'insensitive' } },
      { email: { contains: query.q, mode: 'insensitive' } },
      ...(digits.length >= 3 ? [{ phoneE164: { contains: digits.replace(/^0/, '') } }] : []),
    ];
  }
  const [total, rows] = await Promise.all([
    db().contact.count({ where }),
    db().contact.findMany({
      where,
      orderBy: { createdAt: 'desc' },
      skip: (query.page - 1) * PAGE_SIZE,
      take: PAGE_SIZE,
      select: {
        id: true,
        phoneE164: true,
        firstName: true,
        lastName: true,
        consentStatus: true,
        tags: true,
        optedOutAt: true,
        createdAt: true,
      },
    }),
  ]);
  return { total, pageSize: PAGE_SIZE, page: query.page, contacts: rows };
}
