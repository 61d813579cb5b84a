import 'server-only';
import type { z } from 'zod';
import type { Actor } from '../auth/actor';
import { seesPersonalData } from '../auth/roles';
import { maskPhone } from '../contacts/mask-phone';
import { db } from '../db/client';
import { AppError } from '../errors';
import type { ImportRowQuerySchema } from './schemas';

const PAGE_SIZE = 100;

export interface ListImportRowsOptions {
  actor: Actor;
  batchId: string;
  query: z.infer<typeof ImportRowQuerySchema>;
}

/** A page of a batch's per-row decisions, in file order; a viewer sees each row's outcome without what it said. */
export async function listImportRows({ actor, batchId, query }: ListImportRowsOptions) {
  const batch = await db().importBatch.findFirst({
    where: { id: batchId, tenantId: actor.tenantId },
    select: { id: true },
  });
  if (!batch) throw new AppError('not_found', 'That import does not exist.');
  const where = {
    tenantId: actor.tenantId,
    batchId,
    ...(query.decision ? { decision: query.decision } : {}),
    ...(query.reason ? { decision: 'REJECT' as const, reasonCode: query.reason } : {}),
  };
  const [total, rows] = await Promise.all([
    db().importRow.count({ where }),
    db().importRow.findMany({
      where,
      orderBy: { rowNumber: 'asc' },
      skip: (query.page - 1) * PAGE_SIZE,
      take: PAGE_SIZE,
      select: { rowNumber: true, phoneE164: true, decision: true, reason: true, raw: true, applied: true },
    }),
  ]);
  return {
    total,
    page: query.page,
    pageSize: PAGE_SIZE,
    rows: rows.map(({ raw, ...row }) =>
      seesPersonalData(actor.role)
        ? { ...row, cells: cellsOf(raw) }
        : { ...row, phoneE164: row.phoneE164 && maskPhone(row.phoneE164), cells: [] },
    ),
  };
}

/** What a row said: a rejected row's own cells, or the fields an accepted row will write. */
function cellsOf(raw: unknown): string[] {
  const stored = raw as { cells?: string[]; contact?: Record<string, unknown> };
  if (stored.cells) return stored.cells;
  const c = stored.contact ?? {};
  return [
    c.phoneE164,
    c.firstName,
    c.lastName,
    c.email,
    c.consentStatus,
    ...((c.tags as string[] | undefined) ?? []),
  ].filter((v): v is string => typeof v === 'string' && v !== '');
}
