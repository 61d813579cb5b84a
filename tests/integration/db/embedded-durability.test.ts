import { rm } from 'node:fs/promises';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { startEmbeddedPostgres } from '@/scripts/support/embedded-postgres';
import { freePort } from '@/scripts/support/free-port';

async function durabilitySettings(persistent: boolean): Promise<Record<string, string>> {
  const name = `postgres-durability-${persistent ? 'kept' : 'throwaway'}-${process.pid}`;
  const server = await startEmbeddedPostgres({
    name,
    persistent,
    defaultPort: await freePort(),
    portVariable: 'EMBEDDED_PG_PORT',
  });
  const client = new pg.Client({ connectionString: server.adminUrl });
  try {
    await client.connect();
    const { rows } = await client.query<{ name: string; setting: string }>(
      `SELECT name, setting FROM pg_settings WHERE name IN ('fsync', 'synchronous_commit', 'full_page_writes')`,
    );
    return Object.fromEntries(rows.map((r) => [r.name, r.setting]));
  } finally {
    await client.end().catch(() => {});
    await server.stop();
    await rm(server.dataDir, { recursive: true, force: true });
  }
}

describe('embedded PostgreSQL', () => {
  it('runs the persistent cluster of npm run dev and npm start with durable commits', async () => {
    expect(await durabilitySettings(true)).toEqual({ fsync: 'on', synchronous_commit: 'on', full_page_writes: 'on' });
  }, 60_000);

  it('keeps the fast, non-durable settings for throwaway test and benchmark clusters only', async () => {
    expect(await durabilitySettings(false)).toEqual({
      fsync: 'off',
      synchronous_commit: 'off',
      full_page_writes: 'off',
    });
  }, 60_000);
});
