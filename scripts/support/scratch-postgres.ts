import { z } from 'zod';
import { createDatabase, startEmbeddedPostgres } from './embedded-postgres';
import { applyMigrations } from './schema-engine';

export interface ScratchServer {
  /** A URL on the server we may CREATE DATABASE with. */
  adminUrl: string;
  embedded: boolean;
  stop(): Promise<void>;
}

export interface OpenScratchServerOptions {
  /** The throwaway cluster's folder name. */
  name: string;
  /** The environment variable naming the embedded server's port. */
  portVariable: string;
  /** Its port when the variable is unset (another when a program holds it). */
  defaultPort: number;
}

const OptionalPort = z.coerce.number().int().min(1).max(65535).optional();

/**
 * The PostgreSQL server tests and benchmarks create their databases on:
 * DATABASE_URL's server when set, otherwise a throwaway embedded one.
 */
export async function openScratchServer(options: OpenScratchServerOptions): Promise<ScratchServer> {
  const url = process.env.DATABASE_URL;
  if (url) return { adminUrl: url, embedded: false, stop: async () => {} };
  const asked = OptionalPort.safeParse(process.env[options.portVariable] || undefined);
  if (!asked.success) throw new Error(`${options.portVariable} must be a port number (1–65535).`);
  const server = await startEmbeddedPostgres({
    name: options.name,
    persistent: false,
    port: asked.data,
    defaultPort: options.defaultPort,
    portVariable: options.portVariable,
  });
  return { adminUrl: server.adminUrl, embedded: true, stop: server.stop };
}

/** A database with every migration applied, to be copied with CREATE DATABASE … TEMPLATE. */
export async function createMigratedTemplate(adminUrl: string, name: string): Promise<string> {
  const url = await createDatabase(adminUrl, name);
  await applyMigrations(url);
  return url;
}
