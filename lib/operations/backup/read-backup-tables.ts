import type pg from 'pg';

export interface TableToBackUp {
  name: string;
  columns: string[];
}

export interface SequenceToBackUp {
  name: string;
}

/** Prisma's own bookkeeping is rebuilt by applying the migrations on restore. */
const LEFT_OUT = new Set(['_prisma_migrations']);

export function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/**
 * Every table of the public schema with its stored columns, ordered so that a table
 * comes after the tables its foreign keys reference (a restore loads them in this
 * order with every constraint on), and the sequences behind its serial columns.
 */
export async function readBackupTables(
  client: pg.ClientBase,
): Promise<{ tables: TableToBackUp[]; sequences: SequenceToBackUp[] }> {
  const tables = await client.query<{ name: string; columns: string[] }>(`
    SELECT c.relname AS name,
           array_agg(a.attname::text ORDER BY a.attnum) AS columns
    FROM pg_class c
    JOIN pg_namespace n ON n.oid = c.relnamespace AND n.nspname = 'public'
    JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped AND a.attgenerated = ''
    WHERE c.relkind IN ('r', 'p')
    GROUP BY c.relname
    ORDER BY c.relname`);
  const references = await client.query<{ referrer: string; referenced: string }>(`
    SELECT r.relname AS referrer, f.relname AS referenced
    FROM pg_constraint k
    JOIN pg_class r ON r.oid = k.conrelid
    JOIN pg_class f ON f.oid = k.confrelid
    JOIN pg_namespace n ON n.oid = r.relnamespace AND n.nspname = 'public'
    WHERE k.contype = 'f' AND k.conrelid <> k.confrelid`);
  const sequences = await client.query<{ name: string }>(`
    SELECT c.relname AS name FROM pg_class c
    JOIN pg_namespace n ON n.oid = c.relnamespace AND n.nspname = 'public'
    WHERE c.relkind = 'S' ORDER BY c.relname`);

  const wanted = tables.rows.filter((t) => !LEFT_OUT.has(t.name));
  const dependsOn = new Map(wanted.map((t) => [t.name, new Set<string>()]));
  for (const { referrer, referenced } of references.rows) dependsOn.get(referrer)?.add(referenced);

  const ordered: TableToBackUp[] = [];
  const placed = new Set<string>();
  while (ordered.length < wanted.length) {
    const ready = wanted.filter(
      (t) => !placed.has(t.name) && [...dependsOn.get(t.name)!].every((d) => placed.has(d) || !dependsOn.has(d)),
    );
    if (!ready.length)
      throw new Error(
        `Foreign keys form a cycle among ${wanted
          .filter((t) => !placed.has(t.name))
          .map((t) => t.name)
          .join(', ')}; a logical backup cannot order them.`,
      );
    for (const t of ready) {
      ordered.push({ name: t.name, columns: t.columns });
      placed.add(t.name);
    }
  }
  return { tables: ordered, sequences: sequences.rows };
}
