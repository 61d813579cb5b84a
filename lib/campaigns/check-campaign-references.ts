import 'server-only';
import type { Queryable } from '../db/queryable';
import type { SenderKind } from '../generated/prisma/enums';
import { listCustomFieldNames } from '../contacts/list-custom-field-names';
import { AppError } from '../errors';
import { parseTemplate } from '../messages/merge-fields';
import { describeUnknownMergeFields, findUnknownMergeFields } from '../messages/unknown-merge-fields';
import type { CampaignInput } from './schemas';

export interface CheckCampaignReferencesOptions {
  tenantId: string;
  input: Pick<CampaignInput, 'sendingNumberIds' | 'audience' | 'templates'>;
}

export interface ReferencedSendingNumber {
  id: string;
  value: string;
  kind: SenderKind;
  active: boolean;
}

function refuse(path: string, message: string): never {
  // Shaped like a zod refusal, so the editor shows it beside the field it concerns.
  throw new AppError('invalid', message, { issues: [{ path, message }] });
}

/**
 * What a campaign names must exist and be the tenant's own and usable: merge
 * fields the app or an import defines, active sending numbers, and a committed
 * import when the audience is one. Another tenant's id
 * is refused exactly like an unknown one, so nothing about it is revealed.
 */
export async function checkCampaignReferences(
  db: Queryable,
  { tenantId, input }: CheckCampaignReferencesOptions,
): Promise<ReferencedSendingNumber[]> {
  const customFieldNames = await listCustomFieldNames(db, { tenantId });
  input.templates.forEach((template, index) => {
    const unknown = findUnknownMergeFields({ fields: parseTemplate(template.body).fields, customFieldNames });
    if (unknown.length > 0) refuse(`templates.${index}.body`, describeUnknownMergeFields(unknown));
  });
  const { rows: numbers } = await db.query<ReferencedSendingNumber>(
    `SELECT id, value, kind, active FROM sending_numbers WHERE "tenantId" = $1::uuid AND id = ANY($2::uuid[])`,
    [tenantId, input.sendingNumberIds],
  );
  const missing = input.sendingNumberIds.length - numbers.length;
  if (missing > 0) {
    refuse(
      'sendingNumberIds',
      missing === 1
        ? "One of the chosen sending numbers is not one of this workspace's numbers."
        : `${missing} of the chosen sending numbers are not this workspace's numbers.`,
    );
  }
  const inactive = numbers.filter((n) => !n.active).map((n) => n.value);
  if (inactive.length > 0) {
    refuse(
      'sendingNumberIds',
      `${inactive.join(', ')} ${inactive.length === 1 ? 'is' : 'are'} switched off: choose another number, or ask an admin to reactivate it in Settings.`,
    );
  }
  if (input.audience.kind === 'batch') {
    const {
      rows: [batch],
    } = await db.query<{ status: string; fileName: string }>(
      `SELECT status, "fileName" FROM import_batches WHERE id = $1::uuid AND "tenantId" = $2::uuid`,
      [input.audience.batchId, tenantId],
    );
    if (!batch) refuse('audience.batchId', 'That import does not exist in this workspace.');
    if (batch.status !== 'COMMITTED')
      refuse(
        'audience.batchId',
        `The import ${batch.fileName} is not committed yet, so it has no contacts to message.`,
      );
  }
  if (input.audience.kind === 'segment') {
    const {
      rows: [segment],
    } = await db.query(`SELECT 1 FROM segments WHERE id = $1::uuid AND "tenantId" = $2::uuid`, [
      input.audience.segmentId,
      tenantId,
    ]);
    if (!segment) refuse('audience.segmentId', 'That segment does not exist in this workspace.');
  }
  return numbers;
}
