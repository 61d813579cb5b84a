import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import path from 'node:path';
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { startEmbeddedPostgres, type EmbeddedServer } from '@/scripts/support/embedded-postgres';
import { freePort } from '@/scripts/support/free-port';
import { copyCheckout, type CheckoutCopy } from '../../support/checkout-copy';

interface Holder {
  port: number;
  close(): Promise<void>;
}

/** A real listening socket that is not PostgreSQL, as another program would hold a port. */
function holdPort(): Promise<Holder> {
  return new Promise((resolve, reject) => {
    const server = createServer((socket) => socket.end('not postgres\n'));
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () =>
      resolve({
        port: (server.address() as { port: number }).port,
        close: () => new Promise((done) => server.close(() => done())),
      }),
    );
  });
}

async function dataDirectoryOf(server: EmbeddedServer): Promise<string> {
  const client = new pg.Client({ connectionString: server.adminUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ data_directory: string }>('SHOW data_directory');
    return rows[0].data_directory;
  } finally {
    await client.end();
  }
}

let cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup().catch(() => {});
  cleanups = [];
});

let clusters = 0;
async function start(options: { name?: string; defaultPort: number }): Promise<EmbeddedServer> {
  const name = options.name ?? `postgres-port-${process.pid}-${++clusters}`;
  const server = await startEmbeddedPostgres({
    name,
    persistent: true,
    defaultPort: options.defaultPort,
    portVariable: 'EMBEDDED_PG_PORT',
  });
  cleanups.push(async () => {
    await server.stop();
    await rm(server.dataDir, { recursive: true, force: true });
  });
  return server;
}

async function heldBy(): Promise<Holder> {
  const holder = await holdPort();
  cleanups.push(holder.close);
  return holder;
}

async function copy(parentMode: number): Promise<CheckoutCopy> {
  const checkout = await copyCheckout({ parentMode });
  cleanups.push(checkout.remove);
  return checkout;
}

describe('the embedded PostgreSQL port', () => {
  it('starts on a free port when another program holds its default one, and keeps that port on later starts', async () => {
    const holder = await heldBy();
    const name = `postgres-port-${process.pid}-moved`;

    const first = await start({ name, defaultPort: holder.port });
    expect(first.port).not.toBe(holder.port);
    expect(await dataDirectoryOf(first)).toBe(first.dataDir);
    expect((await readFile(path.join(first.dataDir, 'embedded-port'), 'utf8')).trim()).toBe(String(first.port));
    await first.stop();

    const again = await start({ name, defaultPort: holder.port });
    expect(again.port).toBe(first.port);
    await again.stop();

    await holder.close();
    const afterRelease = await start({ name, defaultPort: holder.port });
    expect(afterRelease.port).toBe(first.port);
  }, 120_000);

  it('joins the cluster another process of this checkout already runs instead of starting a second one', async () => {
    const running = await start({ name: `postgres-port-${process.pid}-shared`, defaultPort: await freePort() });

    const joined = await start({ name: `postgres-port-${process.pid}-shared`, defaultPort: await freePort() });
    expect(joined.port).toBe(running.port);
    await joined.stop();
    expect(await dataDirectoryOf(running)).toBe(running.dataDir);
  }, 120_000);

  it('never takes another cluster on its old port for its own, even with its lock file left behind', async () => {
    const port = await freePort();
    const mine = await start({ name: `postgres-port-${process.pid}-mine`, defaultPort: port });
    const lockFile = path.join(mine.dataDir, 'postmaster.pid');
    const staleLock = await readFile(lockFile, 'utf8');
    await mine.stop();
    await writeFile(lockFile, staleLock);
    const other = await start({ name: `postgres-port-${process.pid}-other`, defaultPort: port });
    expect(other.port).toBe(port);

    const restarted = await start({ name: `postgres-port-${process.pid}-mine`, defaultPort: port });

    expect(restarted.port).not.toBe(port);
    expect(await dataDirectoryOf(restarted)).toBe(mine.dataDir);
    expect(await dataDirectoryOf(other)).toBe(other.dataDir);
  }, 120_000);

  it('npm run db:migrate comes up on another port when EMBEDDED_PG_PORT is held by another program, says so, and stays there', async () => {
    const holder = await heldBy();
    const checkout = await copy(0o755);

    const first = await checkout.run('scripts/db-migrate.ts', { EMBEDDED_PG_PORT: String(holder.port) });

    expect(first.code).toBe(0);
    expect(first.output).toContain(`port ${holder.port} is taken by another program`);
    expect(first.output).toMatch(/embedded PostgreSQL on port \d+ .*: applied \d+ migration/);
    expect(first.output).not.toContain('undefined');
    const moved = Number(/on port (\d+) \(data in/.exec(first.output)?.[1]);
    expect(moved).not.toBe(holder.port);

    const second = await checkout.run('scripts/db-migrate.ts', { EMBEDDED_PG_PORT: String(holder.port) });
    expect(second.code).toBe(0);
    expect(second.output).toContain(`embedded PostgreSQL on port ${moved} `);
    expect(second.output).toContain('up to date');
  }, 180_000);

  it('ends start-up with PostgreSQL’s own reason and what to set when the cluster cannot start', async () => {
    const checkout = await copy(0o755);
    const dataDir = path.join(checkout.root, '.data', 'postgres');
    // A cluster folder whose files were lost: initdb is skipped and the server refuses it.
    await mkdir(dataDir, { recursive: true });
    await writeFile(path.join(dataDir, 'PG_VERSION'), '18\n');

    const run = await checkout.run('scripts/db-migrate.ts', { EMBEDDED_PG_PORT: String(await freePort()) });

    expect(run.code).toBe(1);
    expect(run.output).toContain('did not start');
    expect(run.output).toContain('postgresql.conf');
    expect(run.output).toContain('DATABASE_URL');
    expect(run.output).not.toContain('undefined');
    expect(run.output).not.toMatch(/^\s+at /m);
  }, 120_000);
});
