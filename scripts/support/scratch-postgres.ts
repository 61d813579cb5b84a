import { createDatabase, startEmbeddedPostgres } from './embedded-postgres';
import { applyMigrations } from './schema-engine';

export interface ScratchServer {
  /** A URL on the server we may CREATE DATABASE with. */
  adminUrl: string;
  embedded: boolean;
  stop(): Promise<void>;
}

/**
 * The PostgreSQL server tests and benchmarks create their databases on:
 * DATABASE_URL's server when set, otherwise a throwaway embedded one.
 */
export async function openScratchServer(options: { name: string; port: number }): Promise<ScratchServer> {
  const url = process.env.DATABASE_URL;
  if (url) return { adminUrl: url, embedded: false, stop: async () => {} };
  const server = await startEmbeddedPostgres({ name: options.name, port: options.port, persistent: false });
  return { adminUrl: server.adminUrl, embedded: true, stop: server.stop };
}

/** A database with every migration applied, to be copied with CREATE DATABASE … TEMPLATE. */
export async function createMigratedTemplate(adminUrl: string, name: string): Promise<string> {
  const url = await createDatabase(adminUrl, name);
  await applyMigrations(url);
  return url;
}
