import 'server-only';
import type { Queryable } from '../db/queryable';

export interface ListCustomFieldNamesOptions {
  tenantId: string;
}

/**
 * The custom fields this workspace's contacts can carry: every name a committed
 * import mapped a column to. Read from the imports' mappings rather than the
 * contacts themselves, so it stays cheap at a million contacts.
 */
export async function listCustomFieldNames(
  db: Queryable,
  { tenantId }: ListCustomFieldNamesOptions,
): Promise<string[]> {
  const { rows } = await db.query<{ name: string }>(
    `SELECT DISTINCT c->>'name' AS name
       FROM import_batches b, jsonb_array_elements(COALESCE(b.mapping->'custom', '[]'::jsonb)) c
      WHERE b."tenantId" = $1::uuid AND b.status = 'COMMITTED' AND c->>'name' <> ''
      ORDER BY 1`,
    [tenantId],
  );
  return rows.map((r) => r.name);
}
