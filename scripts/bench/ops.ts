import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { to as copyTo } from 'pg-copy-streams';
import { db, disconnectDb } from '../../lib/db/client';
import { closePgPool, pgPool } from '../../lib/db/pg-pool';
import { inTransaction } from '../../lib/db/transaction';
import { formatBytes } from '../../lib/format/bytes';
import { formatCount } from '../../lib/format/number';
import { openBackupConnection } from '../../lib/operations/backup/backup-connection';
import { quoteIdent, readBackupTables } from '../../lib/operations/backup/read-backup-tables';
import { restoreBackup } from '../../lib/operations/backup/restore-backup';
import { takeBackup } from '../../lib/operations/backup/take-backup';
import { buildSendQueue } from '../../lib/sending/build-send-queue';
import { createDatabase, dropDatabase } from '../support/embedded-postgres';
import { applyMigrations, readMigrationList } from '../support/schema-engine';

// Backup and restore of a database the size of a busy workspace: 1,000,000 contacts and
// a 1,000,000-job campaign of which half have been sent and delivered (bodies, provider
// ids, costs, per-job events), beside the floor of reading the same tables with COPY
// and throwing the rows away.

const adminUrl = process.env.BENCH_DB_ADMIN_URL!;
const template = process.env.BENCH_DB_TEMPLATE!;
const CONTACTS = Number(process.env.BENCH_OPS_CONTACTS ?? 1_000_000);

const source = `crm_bench_ops_${process.pid}`;
const target = `crm_bench_ops_restore_${process.pid}`;
process.env.DATABASE_URL = await createDatabase(adminUrl, source, template);
const targetUrl = await createDatabase(adminUrl, target);
const backupDir = await mkdtemp(path.join(tmpdir(), 'crm-bench-ops-'));
const pool = pgPool();

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

async function fill() {
  const tenant = await db().tenant.create({
    data: { slug: 'bench-ops', name: 'Bench Ops', settings: { create: { senderName: 'Bench' } } },
    select: { id: true },
  });
  const number = await db().sendingNumber.create({
    data: { tenantId: tenant.id, value: '+61400000001', kind: 'LONG_CODE', dailyCap: 100_000_000 },
    select: { id: true },
  });
  await pool.query(
    `INSERT INTO contacts (id, "tenantId", "phoneE164", "firstName", "lastName", email, "consentStatus", state, tags, "createdAt", "updatedAt")
     SELECT gen_random_uuid(), $1::uuid, '+614' || lpad(g::text, 8, '0'), 'Sam' || g, 'Citizen', 'sam' || g || '@example.com.au',
            'EXPLICIT', (ARRAY['NSW','VIC','QLD','WA','SA','TAS','NT','ACT'])[1 + g % 8], ARRAY['vip','spring'], now(), now()
     FROM generate_series(1, $2::int) g`,
    [tenant.id, CONTACTS],
  );
  const campaign = await db().campaign.create({
    data: {
      tenantId: tenant.id,
      name: 'Spring sale',
      status: 'RUNNING',
      templates: { create: [{ tenantId: tenant.id, body: 'Hi {firstName|there}, spring sale: 20% off today only' }] },
      numbers: { create: [{ tenantId: tenant.id, sendingNumberId: number.id }] },
    },
    select: { id: true },
  });
  await inTransaction((tx) =>
    buildSendQueue(tx, {
      tenantId: tenant.id,
      campaignId: campaign.id,
      audience: { kind: 'all' },
      startAt: new Date(),
      now: new Date(),
    }),
  );
  await pool.query(
    `UPDATE send_jobs SET state = 'DELIVERED', body = 'Hi Sam, spring sale: 20% off today only. Acme. Reply STOP to opt out',
            encoding = 'GSM-7', parts = 1, "costMicros" = 52000, "providerMessageId" = 'SM' || md5(id::text),
            "sentAt" = now(), "deliveredAt" = now(), "finishedAt" = now(), attempts = 1
     WHERE id % 2 = 0`,
  );
  await pool.query(
    `INSERT INTO send_job_events ("tenantId", "sendJobId", state, "occurredAt")
     SELECT "tenantId", id, 'DELIVERED', now() FROM send_jobs WHERE state = 'DELIVERED'`,
  );
  await pool.query('VACUUM ANALYZE');
}

/** The floor: every table read with COPY in one snapshot and the bytes thrown away. */
async function copyFloor(url: string) {
  const client = await openBackupConnection(url);
  const started = performance.now();
  let bytes = 0;
  try {
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY');
    const { tables } = await readBackupTables(client);
    for (const table of tables)
      await pipeline(
        client.query(copyTo(`COPY ${quoteIdent(table.name)} TO STDOUT`)),
        new Writable({
          write(chunk: Buffer, _e, done) {
            bytes += chunk.length;
            done();
          },
        }),
      );
    await client.query('COMMIT');
  } finally {
    await client.end();
  }
  return { ms: performance.now() - started, bytes };
}

try {
  const started = performance.now();
  await fill();
  const filled = performance.now() - started;
  const { rows } = await pool.query<{ size: string; server: string }>(
    `SELECT pg_database_size(current_database())::text AS size, current_setting('server_version') AS server`,
  );
  const sizes = await pool.query<{ name: string; size: string }>(
    `SELECT relname AS name, pg_total_relation_size(oid)::text AS size FROM pg_class
     WHERE relname IN ('contacts', 'send_jobs', 'send_job_events') ORDER BY relname`,
  );
  const floor = await copyFloor(process.env.DATABASE_URL);
  const backup = await takeBackup({
    databaseUrl: process.env.DATABASE_URL,
    backupDir,
    keepDaily: 7,
    app: { name: 'sms-crm', version: 'bench' },
  });
  const restore = await restoreBackup({
    databaseUrl: targetUrl,
    location: backup.location,
    force: false,
    knownMigrations: (await readMigrationList()).migrationDirectories.map((m) => m.path),
    applyMigrations,
  });
  if (!backup.verified || !restore.verified)
    throw new Error(`not verified: ${[...backup.problems, ...restore.problems]}`);
  const jobs = backup.manifest.tables.find((t) => t.name === 'send_jobs')!;
  console.log(
    `PostgreSQL ${rows[0].server}; ${formatCount(CONTACTS)} contacts, ${formatCount(jobs.rows)} send jobs (half delivered, with events), ` +
      `${formatCount(backup.manifest.tables.reduce((s, t) => s + t.rows, 0))} rows in all; database ${formatBytes(Number(rows[0].size))} on disk (filled in ${seconds(filled)})`,
  );
  console.log(`on disk with indexes: ${sizes.rows.map((r) => `${r.name} ${formatBytes(Number(r.size))}`).join(', ')}`);
  console.log('Goals: backup of a million contacts and a million jobs < 2 min, restore with verification < 5 min.');
  console.log(
    `COPY of every table, rows discarded (floor)  ${seconds(floor.ms)} (${formatBytes(floor.bytes)} of COPY text)`,
  );
  console.log(
    `npm run db:backup (write, gzip, read back)    ${seconds(backup.ms)} → ${formatBytes(backup.sizeBytes)} (${((backup.sizeBytes / floor.bytes) * 100).toFixed(0)} % of the COPY text)`,
  );
  console.log(
    `npm run db:restore (schema, load, verify)    ${seconds(restore.ms)} (${seconds(restore.loadedMs)} to schema, rows and indexes; ${formatCount(restore.rows)} rows, every table's count and checksum as in the manifest)`,
  );
} finally {
  await Promise.all([disconnectDb(), closePgPool()]);
  await dropDatabase(adminUrl, source);
  await dropDatabase(adminUrl, target);
  await rm(backupDir, { recursive: true, force: true });
}
