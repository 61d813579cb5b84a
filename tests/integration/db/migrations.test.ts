import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { applyMigrations, diffSchemaSql, readMigrationList } from '@/scripts/support/schema-engine';
import { createScratchDatabase, type ScratchDatabase } from '../../support/test-database';

// pg_dump does not ship with the embedded server, so both schemas are described
// from the catalog: columns, constraints, indexes and enum labels, all sorted.
async function describeSchema(url: string): Promise<Record<string, string[]>> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const q = async (sql: string) => (await client.query(sql)).rows.map((r) => Object.values(r).join(' | '));
    return {
      columns:
        await q(`SELECT table_name, column_name, data_type, udt_name, is_nullable, column_default FROM information_schema.columns
                        WHERE table_schema = 'public' AND table_name <> '_prisma_migrations' ORDER BY 1, 2`),
      constraints: await q(`SELECT conrelid::regclass::text, conname, pg_get_constraintdef(oid) FROM pg_constraint
                            WHERE connamespace = 'public'::regnamespace AND conrelid::regclass::text <> '_prisma_migrations' ORDER BY 1, 2`),
      indexes: await q(
        `SELECT tablename, indexname, indexdef FROM pg_indexes WHERE schemaname = 'public' AND tablename <> '_prisma_migrations' ORDER BY 1, 2`,
      ),
      enums: await q(
        `SELECT t.typname, e.enumlabel, e.enumsortorder FROM pg_enum e JOIN pg_type t ON t.oid = e.enumtypid ORDER BY 1, 3`,
      ),
    };
  } finally {
    await client.end();
  }
}

async function execute(url: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

describe('migrations', () => {
  const databases: ScratchDatabase[] = [];
  afterAll(() => Promise.all(databases.map((d) => d.drop())));

  it('build exactly the schema that schema.prisma describes (no drift)', async () => {
    const fromMigrations = await createScratchDatabase({ migrated: false });
    const fromSchema = await createScratchDatabase({ migrated: false });
    databases.push(fromMigrations, fromSchema);

    await applyMigrations(fromMigrations.url);
    // Extensions are installed by migrations (Prisma dropped them from the schema), and
    // the schema's indexes need them: the schema side gets the same ones first.
    const { migrationDirectories } = await readMigrationList();
    const extensions = migrationDirectories.flatMap((m) =>
      m.migrationFile.content.tag === 'ok'
        ? [...m.migrationFile.content.value.matchAll(/CREATE EXTENSION IF NOT EXISTS (\w+)/g)].map((e) => e[0])
        : [],
    );
    expect(extensions.length).toBeGreaterThan(0);
    await execute(fromSchema.url, extensions.join(';\n'));
    await execute(fromSchema.url, await diffSchemaSql(fromSchema.url, { schema: null }));

    const expected = await describeSchema(fromSchema.url);
    expect(expected.columns.length).toBeGreaterThan(100);
    expect(await describeSchema(fromMigrations.url)).toEqual(expected);
  });

  it('apply once: a second run applies nothing and records each migration once', async () => {
    const database = await createScratchDatabase({ migrated: false });
    databases.push(database);
    const { migrationDirectories } = await readMigrationList();

    expect(await applyMigrations(database.url)).toEqual(migrationDirectories.map((m) => m.path));
    expect(await applyMigrations(database.url)).toEqual([]);

    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    const { rows } = await client.query('SELECT migration_name, finished_at FROM _prisma_migrations');
    await client.end();
    expect(rows).toHaveLength(migrationDirectories.length);
    expect(rows.every((r) => r.finished_at !== null)).toBe(true);
  });
});
