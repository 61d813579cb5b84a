import { spawn } from 'node:child_process';
import { readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { createDatabase, startEmbeddedPostgres } from '@/scripts/support/embedded-postgres';
import { freePort } from '@/scripts/support/free-port';
import { createMigratedTemplate } from '@/scripts/support/scratch-postgres';

// The cluster `npm run dev` and `npm start` keep, stopped the hardest way PostgreSQL
// allows (an immediate shutdown: no checkpoint, as on a crash) right after the app
// confirmed STOPs to the people who sent them.

const NAME = `postgres-immediate-stop-${process.pid}`;
const STOPS = 180;

let dataDir: string | null = null;

afterAll(async () => {
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

async function confirmStops(databaseUrl: string): Promise<{ tenantId: string; confirmed: number; kill(): void }> {
  const child = spawn(
    process.execPath,
    [
      '--conditions=react-server',
      '--import',
      'tsx',
      path.resolve(import.meta.dirname, '../support/confirm-stops-child.ts'),
      String(STOPS),
    ],
    { env: { ...process.env, DATABASE_URL: databaseUrl }, stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const line = await new Promise<string>((resolve, reject) => {
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const found = output.split('\n').find((l) => l.startsWith('CONFIRMED '));
      if (found) resolve(found);
    });
    child.on('exit', (code) => reject(new Error(`STOP sender exited (${code}) before confirming`)));
  });
  const [, tenantId, confirmed] = line.split(' ');
  return { tenantId, confirmed: Number(confirmed), kill: () => child.kill('SIGKILL') };
}

async function countOptOuts(url: string, tenantId: string): Promise<{ dnc: number; optedOut: number }> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ dnc: number; optedOut: number }>(
      `SELECT (SELECT count(*)::int FROM dnc_entries WHERE "tenantId" = $1::uuid) AS dnc,
              (SELECT count(*)::int FROM contacts WHERE "tenantId" = $1::uuid AND "optedOutAt" IS NOT NULL) AS "optedOut"`,
      [tenantId],
    );
    return rows[0];
  } finally {
    await client.end();
  }
}

describe('fault: the embedded database stopped immediately', () => {
  it('keeps every STOP it confirmed when the server is stopped without a checkpoint', async () => {
    const options = { name: NAME, persistent: true, defaultPort: await freePort(), portVariable: 'EMBEDDED_PG_PORT' };
    const first = await startEmbeddedPostgres(options);
    dataDir = first.dataDir;
    await createMigratedTemplate(first.adminUrl, 'crm');
    const url = await createDatabase(first.adminUrl, 'crm');
    const sender = await confirmStops(url);

    // SIGQUIT to the postmaster is `pg_ctl stop -m immediate`.
    const postmaster = Number((await readFile(path.join(first.dataDir, 'postmaster.pid'), 'utf8')).split('\n')[0]);
    process.kill(postmaster, 'SIGQUIT');
    sender.kill();
    for (let i = 0; i < 100; i += 1) {
      try {
        process.kill(postmaster, 0);
      } catch {
        break;
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }

    const second = await startEmbeddedPostgres(options);
    try {
      const kept = await countOptOuts(url, sender.tenantId);
      console.log(
        `[fault] immediate stop: ${sender.confirmed} STOPs answered 200, then the persistent embedded server was stopped without a checkpoint; ` +
          `after restart ${kept.dnc} numbers are on the do-not-contact list and ${kept.optedOut} contacts are opted out`,
      );
      expect(sender.confirmed).toBe(STOPS);
      expect(kept).toEqual({ dnc: STOPS, optedOut: STOPS });
    } finally {
      await second.stop();
    }
  }, 120_000);
});
