import 'server-only';
import type { Actor } from '../auth/actor';
import { writeAudit } from '../auth/audit';
import { roleAtLeast } from '../auth/roles';
import { inTransaction } from '../db/transaction';
import { AppError } from '../errors';
import type { StartBulkActionInput } from './bulk-action-schemas';
import { contactFilterSql } from './contact-filter-sql';
import { formatCount } from '../format/number';

export interface StartBulkActionOptions {
  actor: Actor;
  input: StartBulkActionInput;
}

/**
 * Records a bulk action and freezes the contacts it is for: every contact the
 * filter matches now, numbered, in one statement. It starts only when that is
 * exactly the count the confirmation named, so staff never act on more people
 * than they agreed to. Deleting needs an admin. Audited with the filter and count;
 * the work itself is done a chunk at a time by `runBulkAction`.
 */
export async function startBulkAction({
  actor,
  input,
}: StartBulkActionOptions): Promise<{ id: string; total: number }> {
  if (input.action.kind === 'DELETE' && !roleAtLeast(actor.role, 'ADMIN'))
    throw new AppError('forbidden', 'Only an admin can delete contacts in bulk.');
  const { where, values } = contactFilterSql({ tenantId: actor.tenantId, query: input.filter });
  return inTransaction(async (tx) => {
    const action = input.action;
    const {
      rows: [created],
    } = await tx.query<{ id: string }>(
      `INSERT INTO bulk_actions ("tenantId", kind, filter, tags, reason, total, "createdById")
       VALUES ($1::uuid, $2::"BulkActionKind", $3::jsonb, $4::text[], $5, 0, $6::uuid) RETURNING id`,
      [
        actor.tenantId,
        action.kind,
        JSON.stringify(input.filter),
        'tags' in action ? action.tags : [],
        action.kind === 'OPT_OUT' ? action.reason : null,
        actor.userId,
      ],
    );
    const frozen = await tx.query(
      `INSERT INTO bulk_action_contacts ("bulkActionId", seq, "contactId")
       SELECT $${values.length + 1}::uuid, row_number() OVER (ORDER BY c.id), c.id FROM contacts c WHERE ${where}`,
      [...values, created.id],
    );
    const total = frozen.rowCount ?? 0;
    if (total !== input.expectedCount)
      throw new AppError(
        'conflict',
        `This filter now matches ${formatCount(total)} contacts, not the ${formatCount(input.expectedCount)} you confirmed; nothing was changed. Check the list and confirm again.`,
      );
    await tx.query(`UPDATE bulk_actions SET total = $2 WHERE id = $1::uuid`, [created.id, total]);
    await writeAudit(tx, {
      tenantId: actor.tenantId,
      actorUserId: actor.userId,
      action: 'contacts.bulk_action',
      entityType: 'bulk_action',
      entityId: created.id,
      details: { ...action, filter: input.filter, total },
    });
    return { id: created.id, total };
  });
}
