import { randomUUID } from 'node:crypto';
import { db, disconnectDb } from '../../lib/db/client';
import { createDatabase, dropDatabase } from '../support/embedded-postgres';
import { closePgPool, pgPool } from '../../lib/db/pg-pool';
import { inTransaction } from '../../lib/db/transaction';
import { nullProvider } from '../../lib/providers/null-provider';
import { postgresRateLimitStore } from '../../lib/rate-limit/postgres-store';
import { buildSendQueue } from '../../lib/sending/build-send-queue';
import { drainSendQueue } from '../../lib/sending/drain/drain-send-queue';
import { quietHoursUntil } from '../../lib/sending/quiet-hours-until';

// The send queue on a real PostgreSQL: how long a 1,000,000-contact campaign takes
// to enqueue; drain throughput through all seven gates to a provider that sends
// nothing, beside a bare SKIP LOCKED claim-and-mark loop on the same database; and
// whether 1,000,000 held jobs slow down the draining of 1,000 due ones.

const adminUrl = process.env.BENCH_DB_ADMIN_URL!;
const template = process.env.BENCH_DB_TEMPLATE!;
const CONTACTS = Number(process.env.BENCH_SEND_CONTACTS ?? 1_000_000);
const THROUGHPUT_JOBS = Number(process.env.BENCH_SEND_JOBS ?? 50_000);
const BATCH = Number(process.env.BENCH_SEND_BATCH ?? 1000);

const name = `crm_bench_send_${process.pid}`;
process.env.NEXTAUTH_SECRET ??= 'bench-secret-bench-secret-bench-secret';
process.env.DATABASE_URL = await createDatabase(adminUrl, name, template);
const pool = pgPool();

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(2)} s`;
}

/** A daytime instant for every Australian zone, so quiet hours let everything through. */
function daytime(): Date {
  const now = new Date();
  return (
    quietHoursUntil(now, ['Australia/Perth', 'Australia/Sydney', 'Australia/Lord_Howe'], {
      start: 21 * 60,
      end: 9 * 60,
    }) ?? now
  );
}

async function tenantWithNumbers(slug: string, numbers: number) {
  const tenant = await db().tenant.create({
    data: {
      slug,
      name: slug,
      settings: { create: { tenantRatePerMinute: 10_000_000, numberRatePerMinute: 10_000_000, senderName: 'Bench' } },
    },
    select: { id: true },
  });
  await db().budget.createMany({
    data: [
      { tenantId: tenant.id, period: 'DAILY', capMicros: 10n ** 15n },
      { tenantId: tenant.id, period: 'MONTHLY', capMicros: 10n ** 16n },
    ],
  });
  const ids: string[] = [];
  for (let i = 0; i < numbers; i += 1) {
    const n = await db().sendingNumber.create({
      data: {
        tenantId: tenant.id,
        value: `+614${String(slug.length * 1000 + i).padStart(8, '0')}`,
        kind: 'LONG_CODE',
        warmupStartedAt: new Date('2026-01-01T00:00:00Z'),
        dailyCap: 100_000_000,
      },
      select: { id: true },
    });
    ids.push(n.id);
  }
  return { tenantId: tenant.id, numberIds: ids };
}

async function contacts(tenantId: string, count: number, first: number) {
  // Spread over the states so the quiet-hours gate works through several zones.
  await pool.query(
    `INSERT INTO contacts (id, "tenantId", "phoneE164", "firstName", "consentStatus", state, "createdAt", "updatedAt")
     SELECT gen_random_uuid(), $1::uuid, '+614' || lpad((g + $2)::text, 8, '0'), 'Sam', 'EXPLICIT',
            (ARRAY['NSW','VIC','QLD','WA','SA','TAS','NT','ACT'])[1 + g % 8], now(), now()
     FROM generate_series(1, $3::int) g`,
    [tenantId, first, count],
  );
}

async function campaign(tenantId: string, numberIds: string[], withLink: boolean) {
  const c = await db().campaign.create({
    data: {
      tenantId,
      name: `Bench ${randomUUID().slice(0, 8)}`,
      status: 'RUNNING',
      linkUrl: withLink ? 'https://shop.example.com.au/spring' : null,
      templates: {
        create: [
          {
            tenantId,
            body: withLink
              ? 'Hi {firstName|there}, spring sale: 20% off today only {link}'
              : 'Hi {firstName|there}, spring sale: 20% off today only',
            position: 0,
          },
        ],
      },
      numbers: { create: numberIds.map((sendingNumberId) => ({ tenantId, sendingNumberId })) },
    },
    select: { id: true },
  });
  return c.id;
}

async function enqueue(tenantId: string, campaignId: string, startAt: Date) {
  const started = performance.now();
  const result = await inTransaction((tx) =>
    buildSendQueue(tx, { tenantId, campaignId, audience: { kind: 'all' }, startAt, now: new Date() }),
  );
  return { ...result, ms: performance.now() - started };
}

async function drainAll(now: Date) {
  const started = performance.now();
  const report = await drainSendQueue({
    provider: nullProvider(),
    rateLimits: postgresRateLimitStore(),
    clock: () => now,
    batchSize: BATCH,
    timeBudgetMs: 3_600_000,
  });
  return { report, ms: performance.now() - started };
}

/** Median of five drains of 1,000 fresh due jobs (a campaign of the small tenant's first 1,000 contacts). */
async function timeThousandDueJobs(tenant: { tenantId: string; numberIds: string[] }, now: Date, yesterday: Date) {
  const runs: number[] = [];
  for (let round = 0; round < 5; round += 1) {
    const campaignId = await campaign(tenant.tenantId, tenant.numberIds, true);
    await enqueue(tenant.tenantId, campaignId, yesterday);
    await pool.query(
      `DELETE FROM send_jobs WHERE "campaignId" = $1::uuid AND id IN (SELECT id FROM send_jobs WHERE "campaignId" = $1::uuid ORDER BY id OFFSET 1000)`,
      [campaignId],
    );
    const { report, ms } = await drainAll(now);
    if (report.accepted !== 1000) throw new Error(`expected 1,000 sent, got ${report.accepted}`);
    runs.push(ms);
  }
  return runs.sort((a, b) => a - b)[2];
}

/** The floor: claim due rows with SKIP LOCKED and mark them sent, nothing else. */
async function plainClaimLoop(campaignId: string, now: Date) {
  const started = performance.now();
  let marked = 0;
  for (;;) {
    const { rowCount } = await inTransaction((tx) =>
      tx.query(
        `WITH due AS (SELECT id FROM send_jobs WHERE state = 'QUEUED' AND "nextAttemptAt" <= $1::timestamp AND "campaignId" = $2::uuid
                    ORDER BY "nextAttemptAt", id LIMIT $3 FOR UPDATE SKIP LOCKED)
       UPDATE send_jobs j SET state = 'SENT', "sentAt" = $1::timestamp FROM due WHERE j.id = due.id`,
        [now.toISOString(), campaignId, BATCH],
      ),
    );
    marked += rowCount ?? 0;
    if (!rowCount) break;
  }
  return { marked, ms: performance.now() - started };
}

try {
  const now = daytime();
  const yesterday = new Date(now.getTime() - 86_400_000);
  const tomorrow = new Date(now.getTime() + 86_400_000);
  console.log(
    `PostgreSQL ${(await pool.query<{ server_version: string }>('SHOW server_version')).rows[0].server_version}; drain batches of ${BATCH}; clock ${now.toISOString()}`,
  );

  // The million contacts exist before either 1,000-job drain, so the two differ only in the held jobs.
  const big = await tenantWithNumbers('bench-million', 1);
  let started = performance.now();
  await contacts(big.tenantId, CONTACTS, 10_000_000);
  const seeded = performance.now() - started;
  await pool.query('VACUUM ANALYZE contacts');

  const small = await tenantWithNumbers('bench-small', 4);
  await contacts(small.tenantId, 2_000, 0);
  await timeThousandDueJobs(small, now, yesterday);
  await pool.query('VACUUM ANALYZE');
  const idle = await timeThousandDueJobs(small, now, yesterday);

  const millionCampaign = await campaign(big.tenantId, big.numberIds, false);
  const enqueued = await enqueue(big.tenantId, millionCampaign, tomorrow);
  await pool.query('VACUUM ANALYZE send_jobs');
  const again = await enqueue(big.tenantId, millionCampaign, tomorrow);

  await pool.query('VACUUM ANALYZE');
  const busy = await timeThousandDueJobs(small, now, yesterday);

  const fast = await tenantWithNumbers('bench-throughput', 8);
  await contacts(fast.tenantId, THROUGHPUT_JOBS * 2, 20_000_000);
  const gatedCampaign = await campaign(fast.tenantId, fast.numberIds, true);
  const plainCampaign = await campaign(fast.tenantId, fast.numberIds, false);
  await enqueue(fast.tenantId, gatedCampaign, yesterday);
  await pool.query(`UPDATE send_jobs SET "campaignId" = $2::uuid WHERE "campaignId" = $1::uuid AND id % 2 = 0`, [
    gatedCampaign,
    plainCampaign,
  ]);
  await pool.query('VACUUM ANALYZE send_jobs');
  await pool.query(`UPDATE send_jobs SET "nextAttemptAt" = $2::timestamp WHERE "campaignId" = $1::uuid`, [
    plainCampaign,
    tomorrow.toISOString(),
  ]);
  started = performance.now();
  const gated = await drainAll(now);
  await pool.query(`UPDATE send_jobs SET "nextAttemptAt" = $2::timestamp WHERE "campaignId" = $1::uuid`, [
    plainCampaign,
    yesterday.toISOString(),
  ]);
  const plain = await plainClaimLoop(plainCampaign, now);

  const rate = (count: number, ms: number) => Math.round(count / (ms / 1000)).toLocaleString('en-AU');
  console.log(
    'Goals: drain >= 5,000 msg/s; 1,000 due jobs drain within 10 % with 1,000,000 held; 1,000,000-contact enqueue < 10 s.',
  );
  console.log(
    `enqueue ${CONTACTS.toLocaleString('en-AU')} contacts          ${seconds(enqueued.ms)} (${enqueued.queued.toLocaleString('en-AU')} jobs; building again adds ${again.queued} in ${seconds(again.ms)}; contacts generated in ${seconds(seeded)})`,
  );
  console.log(
    `drain, all seven gates, null provider  ${rate(gated.report.accepted, gated.ms)} msg/s (${gated.report.accepted.toLocaleString('en-AU')} messages with per-recipient short links in ${seconds(gated.ms)}, ${gated.report.batches} batches)`,
  );
  console.log(
    `plain SKIP LOCKED claim-and-mark loop  ${rate(plain.marked, plain.ms)} msg/s (${plain.marked.toLocaleString('en-AU')} rows in ${seconds(plain.ms)})`,
  );
  console.log(`1,000 due jobs, empty queue            ${seconds(idle)} (median of 5)`);
  console.log(
    `1,000 due jobs, ${CONTACTS.toLocaleString('en-AU')} held ${' '.repeat(Math.max(0, 13 - CONTACTS.toLocaleString('en-AU').length))}${seconds(busy)} (median of 5) = ${((busy / idle - 1) * 100).toFixed(1)} % ${busy >= idle ? 'slower' : 'faster'}`,
  );
} finally {
  await Promise.all([disconnectDb(), closePgPool()]);
  await dropDatabase(adminUrl, name);
}
