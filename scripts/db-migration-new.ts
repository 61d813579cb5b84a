// Writes prisma/migrations/<timestamp>_<name>/migration.sql with the SQL that takes
// the schema as of the last migration to the current prisma/schema.prisma.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { provisionDatabase } from './support/provision-database';
import { MIGRATIONS_DIR, PRISMA_DIR, SCHEMA_PATH, diffSchemaSql } from './support/schema-engine';

const SNAPSHOT_PATH = path.join(PRISMA_DIR, 'migrated-schema.snapshot');

const name = (process.argv[2] ?? '')
  .toLowerCase()
  .replace(/[^a-z0-9]+/g, '_')
  .replace(/^_|_$/g, '');
if (!name) {
  console.error('Usage: npm run db:migration:new -- <name>');
  process.exit(2);
}

const previous = await readFile(SNAPSHOT_PATH, 'utf8').catch(() => null);
// The diff runs between two schema texts, but the engine insists on a live connection.
const database = await provisionDatabase();
const sql = await diffSchemaSql(database.url, { schema: previous });
await database.embedded?.stop();
if (!sql.trim() || /^-- This is an empty migration/.test(sql.trim())) {
  console.log('schema.prisma matches the last migration: nothing to write');
  process.exit(0);
}
const stamp = new Date().toISOString().replace(/\D/g, '').slice(0, 14);
const dir = path.join(MIGRATIONS_DIR, `${stamp}_${name}`);
await mkdir(dir, { recursive: true });
await writeFile(path.join(dir, 'migration.sql'), sql);
await writeFile(path.join(MIGRATIONS_DIR, 'migration_lock.toml'), 'provider = "postgresql"\n');
await writeFile(SNAPSHOT_PATH, await readFile(SCHEMA_PATH, 'utf8'));
console.log(`wrote ${path.relative(process.cwd(), dir)}/migration.sql`);
