import { readFile, readdir } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { PrismaPg } from '@prisma/adapter-pg';
import {
  bindMigrationAwareSqlAdapterFactory,
  DriverAdapterError,
  type SqlDriverAdapter,
  type SqlMigrationAwareDriverAdapterFactory,
} from '@prisma/driver-adapter-utils';
import pg from 'pg';
import * as bg from '@prisma/schema-engine-wasm/schema_engine_bg';
import type { MigrationList, SchemaFilter } from '@prisma/schema-engine-wasm';

// Prisma's native schema engine is downloaded at install time, which this network
// forbids; its WASM build speaks to PostgreSQL through the pg driver adapter and
// records `_prisma_migrations` exactly as `prisma migrate deploy` does.

export const PRISMA_DIR = path.resolve(import.meta.dirname, '../../prisma');
export const SCHEMA_PATH = path.join(PRISMA_DIR, 'schema.prisma');
export const MIGRATIONS_DIR = path.join(PRISMA_DIR, 'migrations');

const NO_FILTER: SchemaFilter = { externalTables: [], externalEnums: [] };

let wasmReady: Promise<void> | undefined;

function loadWasm(): Promise<void> {
  wasmReady ??= (async () => {
    const require = createRequire(import.meta.url);
    const wasmPath = path.join(
      path.dirname(require.resolve('@prisma/schema-engine-wasm/schema_engine_bg')),
      'schema_engine_bg.wasm',
    );
    const compiled = await WebAssembly.compile(await readFile(wasmPath));
    const instance = await WebAssembly.instantiate(compiled, {
      './schema_engine_bg.js': bg as unknown as WebAssembly.ModuleImports,
    });
    bg.__wbg_set_wasm(instance.exports);
    (instance.exports.__wbindgen_start as () => void)();
  })();
  return wasmReady;
}

// The pg adapter runs a migration by splitting its script at every ';', which cuts a
// function body (or a comment with a ';' in it) into pieces that fail. Prisma's native
// engine sends the script to the server whole, as one implicit transaction; so does this.
async function executeWholeScript(databaseUrl: string, script: string): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query(script);
  } catch (error) {
    const e = error as pg.DatabaseError;
    throw new DriverAdapterError({
      kind: 'postgres',
      code: e.code ?? 'N/A',
      severity: e.severity ?? 'N/A',
      message: e.message,
      detail: e.detail,
      column: e.column,
      hint: e.hint,
    });
  } finally {
    await client.end();
  }
}

function withWholeScripts(adapter: SqlDriverAdapter, databaseUrl: string): SqlDriverAdapter {
  adapter.executeScript = (script) => executeWholeScript(databaseUrl, script);
  return adapter;
}

// The engine opens pg pools through the factory but never closes them; left open
// they keep the database busy (a template database then cannot be copied).
function closableAdapterFactory(databaseUrl: string) {
  const factory = new PrismaPg({ connectionString: databaseUrl });
  const opened: { dispose(): Promise<void> }[] = [];
  const track = async <T extends { dispose(): Promise<void> }>(adapter: Promise<T>): Promise<T> => {
    const connected = await adapter;
    opened.push(connected);
    return connected;
  };
  const tracked: SqlMigrationAwareDriverAdapterFactory = {
    provider: factory.provider,
    adapterName: factory.adapterName,
    connect: async () => withWholeScripts(await track(factory.connect()), databaseUrl),
    connectToShadowDb: () => track(factory.connectToShadowDb()),
  };
  return {
    factory: tracked,
    close: async () => {
      await Promise.all(opened.map((a) => a.dispose()));
    },
  };
}

async function withEngine<T>(databaseUrl: string, work: (engine: bg.SchemaEngine) => Promise<T>): Promise<T> {
  await loadWasm();
  const schema = await readFile(SCHEMA_PATH, 'utf8');
  const adapters = closableAdapterFactory(databaseUrl);
  const engine = await bg.SchemaEngine.new(
    { datamodels: [[SCHEMA_PATH, schema]] },
    () => {},
    bindMigrationAwareSqlAdapterFactory(adapters.factory),
  );
  try {
    return await work(engine);
  } finally {
    engine.free();
    await adapters.close();
  }
}

export async function readMigrationList(): Promise<MigrationList> {
  const entries = await readdir(MIGRATIONS_DIR, { withFileTypes: true }).catch(() => []);
  const dirs = entries
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();
  const migrationDirectories = await Promise.all(
    dirs.map(async (dir) => ({
      path: dir,
      migrationFile: {
        path: 'migration.sql',
        content: { tag: 'ok' as const, value: await readFile(path.join(MIGRATIONS_DIR, dir, 'migration.sql'), 'utf8') },
      },
    })),
  );
  const lockPath = path.join(MIGRATIONS_DIR, 'migration_lock.toml');
  const lockContent = await readFile(lockPath, 'utf8').catch(() => null);
  return {
    baseDir: MIGRATIONS_DIR,
    lockfile: { path: 'migration_lock.toml', content: lockContent },
    shadowDbInitScript: '',
    migrationDirectories,
  };
}

/**
 * Applies every pending migration in prisma/migrations, or only those named in `only`
 * (a restore first rebuilds the schema a backup was taken at); returns the names applied.
 */
export async function applyMigrations(databaseUrl: string, only?: string[]): Promise<string[]> {
  const all = await readMigrationList();
  const migrationsList = only
    ? { ...all, migrationDirectories: all.migrationDirectories.filter((m) => only.includes(m.path)) }
    : all;
  return withEngine(databaseUrl, async (engine) => {
    const out = await engine.applyMigrations({ migrationsList, filters: NO_FILTER });
    return out.appliedMigrationNames;
  });
}

/**
 * SQL that takes a database built by the current migrations to schema.prisma.
 * The schema engine cannot introspect a live database through the adapter, so the
 * "from" side is the schema as it stood when the last migration was written
 * (kept beside the migrations), or empty before the first one.
 */
export async function diffSchemaSql(databaseUrl: string, from: { schema: string | null }): Promise<string> {
  const to = await readFile(SCHEMA_PATH, 'utf8');
  return withEngine(databaseUrl, async (engine) => {
    const result = await engine.diff({
      from:
        from.schema === null
          ? { tag: 'empty' }
          : { tag: 'schemaDatamodel', files: [{ path: SCHEMA_PATH, content: from.schema }] },
      to: { tag: 'schemaDatamodel', files: [{ path: SCHEMA_PATH, content: to }] },
      script: true,
      exitCode: null,
      filters: NO_FILTER,
    });
    return result.stdout ?? '';
  });
}
