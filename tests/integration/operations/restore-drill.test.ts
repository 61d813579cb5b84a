import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { GET as health } from '@/app/api/health/route';
import { disconnectDb } from '@/lib/db/client';
import { closePgPool, pgPool } from '@/lib/db/pg-pool';
import { readBackupManifest } from '@/lib/operations/backup/read-backup-manifest';
import { restoreBackup } from '@/lib/operations/backup/restore-backup';
import { takeBackup } from '@/lib/operations/backup/take-backup';
import { campaignReport } from '@/lib/reports/campaign-report';
import { createDatabase, dropDatabase } from '@/scripts/support/embedded-postgres';
import { applyMigrations, readMigrationList } from '@/scripts/support/schema-engine';
import { buildDrillContent } from '../../support/drill-content';
import { signedInMember } from '../../support/fixtures';
import { actorFor } from '../../support/import-fixtures';
import { testServer } from '../../support/test-database';

const APP = { name: 'sms-crm', version: 'drill' };
const backupDir = await mkdtemp(path.join(tmpdir(), 'crm-drill-'));
afterAll(() => rm(backupDir, { recursive: true, force: true }));

/** Every row of every table, as one digest per table: two databases hold the same rows when these agree. */
async function tableDigests(client: pg.ClientBase, tables: string[]): Promise<Record<string, string>> {
  const digests: Record<string, string> = {};
  for (const table of tables) {
    const { rows } = await client.query<{ rows: number; digest: string }>(
      `SELECT count(*)::int AS rows, md5(coalesce(string_agg(t::text, E'\\n' ORDER BY t::text), '')) AS digest FROM "${table}" t`,
    );
    digests[table] = `${rows[0].rows}:${rows[0].digest}`;
  }
  return digests;
}

async function withClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

async function knownMigrations(): Promise<string[]> {
  return (await readMigrationList()).migrationDirectories.map((m) => m.path);
}

async function releaseConnections() {
  await Promise.all([disconnectDb(), closePgPool()]);
}

describe('restore drill', () => {
  it('restores a backup taken while a drain runs to the very rows of its instant, then answers health and reports as before', async () => {
    const url = process.env.DATABASE_URL!;
    const name = new URL(url).pathname.slice(1);
    const content = await buildDrillContent();
    const viewer = await actorFor(await signedInMember(content.tenantId, 'VIEWER'), 'VIEWER');

    // The backup while the drain is half-way through the running campaign: its
    // snapshot is read on a second connection to know exactly what the backup holds.
    const drain = await content.startDrain(40);
    let atSnapshot: Record<string, string> = {};
    const snapshotReader = new pg.Client({ connectionString: url });
    await snapshotReader.connect();
    const during = await takeBackup({
      databaseUrl: url,
      backupDir,
      keepDaily: 7,
      app: APP,
      now: new Date('2026-12-01T02:30:00Z'),
      onSnapshot: async (snapshotId) => {
        await snapshotReader.query('BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY');
        await snapshotReader.query(`SET TRANSACTION SNAPSHOT '${snapshotId}'`);
        const { rows } = await snapshotReader.query<{ name: string }>(
          `SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' AND tablename <> '_prisma_migrations'`,
        );
        atSnapshot = await tableDigests(
          snapshotReader,
          rows.map((r) => r.name),
        );
        await snapshotReader.query('COMMIT');
      },
    });
    await snapshotReader.end();
    await drain.finished;
    expect(during.verified).toBe(true);
    const queued = `SELECT count(*)::int AS n FROM send_jobs WHERE state = 'QUEUED' AND "campaignId" = $1::uuid`;
    const queuedAfterDrain = (await pgPool().query<{ n: number }>(queued, [content.runningCampaignId])).rows[0].n;

    const manifest = await readBackupManifest(during.location);
    const held = Object.fromEntries(manifest.tables.map((t) => [t.name, t.rows]));
    for (const table of [
      'contacts',
      'consent_events',
      'campaigns',
      'send_jobs',
      'send_job_events',
      'short_links',
      'clicks',
      'dnc_entries',
      'inbound_messages',
      'webhook_events',
      'audit_log',
      'spend_ledger',
    ])
      expect(held[table], `${table} has rows in the backup`).toBeGreaterThan(0);

    // Drop the database, restore the backup into a new one, and compare every row.
    await releaseConnections();
    const { adminUrl } = testServer();
    await dropDatabase(adminUrl, name);
    await createDatabase(adminUrl, name);
    const restored = await restoreBackup({
      databaseUrl: url,
      location: during.location,
      force: false,
      knownMigrations: await knownMigrations(),
      applyMigrations,
    });
    expect(restored.verified).toBe(true);
    expect(restored.problems).toEqual([]);
    const afterRestore = await withClient(url, (client) => tableDigests(client, Object.keys(atSnapshot)));
    expect(afterRestore).toEqual(atSnapshot);
    const states = await pgPool().query<{ state: string }>(
      `SELECT DISTINCT state::text AS state FROM send_jobs WHERE "campaignId" = $1::uuid ORDER BY 1`,
      [content.runningCampaignId],
    );
    // The backup caught the drain part-way: jobs it went on to send are still queued in the restore.
    const queuedInBackup = (await pgPool().query<{ n: number }>(queued, [content.runningCampaignId])).rows[0].n;
    expect(queuedInBackup).toBeGreaterThan(queuedAfterDrain);
    expect(states.rows.map((r) => r.state)).toEqual(
      expect.arrayContaining(['DELIVERED', 'FAILED', 'QUEUED', 'SENT', 'SKIPPED', 'UNDELIVERED']),
    );

    // Once the drain is done: the report before a drop is the report after the restore.
    const report = await campaignReport({ actor: viewer });
    const quiet = await takeBackup({ databaseUrl: url, backupDir, keepDaily: 7, app: APP });
    await releaseConnections();
    await dropDatabase(adminUrl, name);
    await createDatabase(adminUrl, name);
    await restoreBackup({
      databaseUrl: url,
      location: quiet.location,
      force: false,
      knownMigrations: await knownMigrations(),
      applyMigrations,
    });
    const answer = await health();
    expect(answer.status).toBe(200);
    expect(await campaignReport({ actor: viewer })).toEqual(report);
  });

  it('restores a backup of an older schema, applies the later migrations, and refuses a database that holds rows', async () => {
    const { adminUrl } = testServer();
    const migrations = await knownMigrations();
    const older = await createDatabase(adminUrl, `drill_old_${process.pid}`);
    const target = await createDatabase(adminUrl, `drill_new_${process.pid}`);
    try {
      await applyMigrations(older, migrations.slice(0, -1));
      await withClient(older, (client) => client.query(`INSERT INTO tenants (slug, name) VALUES ('old', 'Old Co')`));
      const backup = await takeBackup({ databaseUrl: older, backupDir, keepDaily: 7, app: APP });
      expect(backup.manifest.migrations).toEqual(migrations.slice(0, -1));

      const restore = (force: boolean) =>
        restoreBackup({
          databaseUrl: target,
          location: backup.location,
          force,
          knownMigrations: migrations,
          applyMigrations,
        });
      const report = await restore(false);
      expect(report.verified).toBe(true);
      expect(report.laterMigrations).toEqual(migrations.slice(-1));
      await expect(restore(false)).rejects.toThrow(/not empty .*--force/);
      expect((await restore(true)).verified).toBe(true);
      const names = await withClient(target, (client) => client.query<{ name: string }>('SELECT name FROM tenants'));
      expect(names.rows).toEqual([{ name: 'Old Co' }]);
    } finally {
      await dropDatabase(adminUrl, `drill_old_${process.pid}`);
      await dropDatabase(adminUrl, `drill_new_${process.pid}`);
    }
  });
});
