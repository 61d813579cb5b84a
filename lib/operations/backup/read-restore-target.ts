import type pg from 'pg';
import { quoteIdent } from './read-backup-tables';

export interface RestoreTarget {
  /** Tables of the public schema that hold at least one row (Prisma's bookkeeping aside). */
  tablesWithRows: string[];
}

/** What the database a backup would be restored into holds already. */
export async function readRestoreTarget(client: pg.ClientBase): Promise<RestoreTarget> {
  const { rows } = await client.query<{ name: string }>(`
    SELECT c.relname AS name FROM pg_class c
    JOIN pg_namespace n ON n.oid = c.relnamespace AND n.nspname = 'public'
    WHERE c.relkind IN ('r', 'p') AND c.relname <> '_prisma_migrations'
    ORDER BY c.relname`);
  const tablesWithRows: string[] = [];
  for (const { name } of rows) {
    const found = await client.query(`SELECT 1 FROM ${quoteIdent(name)} LIMIT 1`);
    if (found.rowCount) tablesWithRows.push(name);
  }
  return { tablesWithRows };
}
