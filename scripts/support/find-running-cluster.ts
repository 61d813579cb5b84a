import { readFile, realpath } from 'node:fs/promises';
import path from 'node:path';
import pg from 'pg';
import { z } from 'zod';

export interface FindRunningClusterOptions {
  dataDir: string;
  /** Builds the URL of the cluster's `postgres` database on a port. */
  adminUrl(port: number): string;
}

/** postmaster.pid's fourth line is the port the running server listens on. */
const PortLine = z.coerce.number().int().min(1).max(65535);

/**
 * The port of a server already running this cluster (another dev server or script of
 * this checkout), or null. The server must say its data directory is this one: a
 * lock file outlives a killed server, and its port may since belong to someone else.
 */
export async function findRunningCluster(options: FindRunningClusterOptions): Promise<number | null> {
  const lock = await readFile(path.join(options.dataDir, 'postmaster.pid'), 'utf8').catch(() => null);
  const port = PortLine.safeParse(lock?.split('\n')[3]);
  if (!port.success) return null;
  const client = new pg.Client({ connectionString: options.adminUrl(port.data), connectionTimeoutMillis: 1000 });
  try {
    await client.connect();
    const { rows } = await client.query<{ data_directory: string }>('SHOW data_directory');
    const reported = rows[0]?.data_directory;
    return reported && (await realpath(reported)) === (await realpath(options.dataDir)) ? port.data : null;
  } catch {
    return null;
  } finally {
    await client.end().catch(() => {});
  }
}
