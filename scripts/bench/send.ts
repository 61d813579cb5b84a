import { randomUUID } from 'node:crypto';
import { db, disconnectDb } from '../../lib/db/client';
import { createDatabase, dropDatabase } from '../support/embedded-postgres';
import { closePgPool, pgPool } from '../../lib/db/pg-pool';
import { inTransaction } from '../../lib/db/transaction';
import { nullProvider } from '../../lib/providers/null-provider';
import { postgresRateLimitStore } from '../../lib/rate-limit/postgres-store';
import { buildSendQueue } from '../../lib/sending/build-send-queue';
import { drainInTurn } from '../../lib/sending/drain/drain-in-turn';
import { drainSendQueue } from '../../lib/sending/drain/drain-send-queue';
import { quietHoursUntil } from '../../lib/sending/quiet-hours-until';
import { CRON_RUN, LOCAL_RUN } from '../../lib/sending/run-scheduled-send';
import { busiestSenderSecond, carrierProvider, type CarrierProvider } from './support/carrier-provider';
import { loadAverage } from './support/machine';
import { tenantWithNumbers } from './support/tenant-with-numbers';

// The send queue on a real PostgreSQL: how long a 1,000,000-contact campaign takes
// to enqueue; drain throughput through all eight gates to a provider that sends
// nothing, beside a bare SKIP LOCKED claim-and-mark loop on the same database; and
// whether 1,000,000 held jobs slow down the draining of 1,000 due ones. Then the
// drain at a real carrier's pace: a provider 300 ms away (with jitter and a few
// 2–5 s calls) that refuses more than 50 requests at once, and a pool of numbers
// whose per-number rate adds up to the target; the share of the target reached by
// the local drain timer's runs and by the cron's invocations a minute apart.

const adminUrl = process.env.BENCH_DB_ADMIN_URL!;
const template = process.env.BENCH_DB_TEMPLATE!;
const CONTACTS = Number(process.env.BENCH_SEND_CONTACTS ?? 1_000_000);
const THROUGHPUT_JOBS = Number(process.env.BENCH_SEND_JOBS ?? 50_000);
const BATCH = Number(process.env.BENCH_SEND_BATCH ?? 1000);
const CARRIER = {
  /** Messages a second across the pool; 0 skips the carrier runs. */
  target: Number(process.env.BENCH_CARRIER_TARGET ?? 100),
  numbers: Number(process.env.BENCH_CARRIER_NUMBERS ?? 10),
  latencyMs: Number(process.env.BENCH_CARRIER_LATENCY_MS ?? 300),
  jitterMs: Number(process.env.BENCH_CARRIER_JITTER_MS ?? 100),
  outlierShare: Number(process.env.BENCH_CARRIER_OUTLIERS ?? 0.01),
  concurrency: Number(process.env.BENCH_CARRIER_CONCURRENCY ?? 50),
  /** How long the local drain timer is watched. */
  timerSeconds: Number(process.env.BENCH_CARRIER_SECONDS ?? 150),
};
/** The launcher's interval between runs when the last one emptied the queue (DRAIN_INTERVAL_MS). */
const DRAIN_INTERVAL_MS = 5000;

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

// Each timed phase starts with the tables vacuumed and the dirty pages written, so it
// does not pay for writing back what came before it (the million contacts before the
// idle drains, the million jobs before the busy ones).
async function settle() {
  await pool.query('VACUUM ANALYZE');
  await pool.query('CHECKPOINT');
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

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function newCarrier(): CarrierProvider {
  return carrierProvider({
    latencyMs: CARRIER.latencyMs,
    jitterMs: CARRIER.jitterMs,
    outlierShare: CARRIER.outlierShare,
    outlierMs: [2000, 5000],
    concurrency: CARRIER.concurrency,
  });
}

/** Accepted requests that arrived in [from, from + seconds), as a share of the target over that span. */
function shareOfTarget(provider: CarrierProvider, from: number, seconds: number) {
  if (process.env.BENCH_CARRIER_TRACE) {
    const perSecond = new Array<number>(Math.ceil(seconds)).fill(0);
    for (const a of provider.accepted)
      if (a.at >= from && a.at < from + seconds * 1000) perSecond[Math.floor((a.at - from) / 1000)] += 1;
    console.log(`per second: ${perSecond.join(' ')}`);
  }
  const sent = provider.accepted.filter((a) => a.at >= from && a.at < from + seconds * 1000).length;
  return { sent, share: sent / (CARRIER.target * seconds) };
}

/**
 * The local drain timer: the route's local runs (LOCAL_RUN), the next at once
 * while jobs are due, as scripts/support/drain-timer.ts calls them, for
 * `timerSeconds` (long enough to include the end of one run and the start of the next).
 */
async function carrierTimerRuns() {
  const provider = newCarrier();
  const rateLimits = postgresRateLimitStore();
  const from = performance.now();
  const totals = { runs: 0, retried: 0, failed: 0, released: 0 };
  while (performance.now() - from < CARRIER.timerSeconds * 1000) {
    const report = await drainInTurn({ provider, rateLimits, ...LOCAL_RUN });
    totals.runs += 1;
    totals.retried += report.retried;
    totals.failed += report.failed;
    totals.released += report.released;
    if (!report.moreDue) await sleep(DRAIN_INTERVAL_MS);
  }
  return { provider, ...totals, ...shareOfTarget(provider, from, CARRIER.timerSeconds) };
}

/**
 * The cron's shape: invocations a minute apart, each of the route's shape (CRON_RUN,
 * taking turns), measured over the second minute, when one run hands its turn to the
 * next as every later minute does.
 */
async function carrierCronRuns() {
  const provider = newCarrier();
  const rateLimits = postgresRateLimitStore();
  const from = performance.now();
  const first = drainInTurn({ provider, rateLimits, ...CRON_RUN });
  await sleep(60_000);
  const second = drainInTurn({ provider, rateLimits, ...CRON_RUN });
  const reports = await Promise.all([first, second]);
  const total = (key: 'retried' | 'failed' | 'released') => reports.reduce((n, r) => n + r[key], 0);
  return {
    provider,
    retried: total('retried'),
    failed: total('failed'),
    released: total('released'),
    turns: reports.map((r) => r.ms),
    ...shareOfTarget(provider, from + 60_000, 60),
  };
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
  await settle();
  const idle = await timeThousandDueJobs(small, now, yesterday);

  const millionCampaign = await campaign(big.tenantId, big.numberIds, false);
  await settle();
  const enqueued = await enqueue(big.tenantId, millionCampaign, tomorrow);
  await pool.query('VACUUM ANALYZE send_jobs');
  const again = await enqueue(big.tenantId, millionCampaign, tomorrow);

  await settle();
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
    `drain, all eight gates, null provider  ${rate(gated.report.accepted, gated.ms)} msg/s (${gated.report.accepted.toLocaleString('en-AU')} messages with per-recipient short links in ${seconds(gated.ms)}, ${gated.report.batches} batches)`,
  );
  console.log(
    `plain SKIP LOCKED claim-and-mark loop  ${rate(plain.marked, plain.ms)} msg/s (${plain.marked.toLocaleString('en-AU')} rows in ${seconds(plain.ms)})`,
  );
  console.log(`1,000 due jobs, empty queue            ${seconds(idle)} (median of 5)`);
  console.log(
    `1,000 due jobs, ${CONTACTS.toLocaleString('en-AU')} held ${' '.repeat(Math.max(0, 13 - CONTACTS.toLocaleString('en-AU').length))}${seconds(busy)} (median of 5) = ${((busy / idle - 1) * 100).toFixed(1)} % ${busy >= idle ? 'slower' : 'faster'}`,
  );
  console.log(`(${loadAverage()})`);

  if (CARRIER.target > 0) {
    const perNumber = CARRIER.target / CARRIER.numbers;
    const carrier = await tenantWithNumbers('bench-carrier', CARRIER.numbers, Math.round(perNumber * 60));
    const jobs = Math.ceil(
      CARRIER.target *
        (CARRIER.timerSeconds + LOCAL_RUN.handOverBudgetMs / 1000 + 60 + CRON_RUN.handOverBudgetMs / 1000 + 30),
    );
    await contacts(carrier.tenantId, jobs, 30_000_000);
    const carrierCampaign = await campaign(carrier.tenantId, carrier.numberIds, true);
    await enqueue(carrier.tenantId, carrierCampaign, new Date(Date.now() - 60_000));
    await pool.query('VACUUM ANALYZE');
    console.log(
      `\ncarrier: ${CARRIER.latencyMs} ms ± ${CARRIER.jitterMs} ms a call, ${(CARRIER.outlierShare * 100).toFixed(1)} % of calls 2–5 s, ` +
        `${CARRIER.concurrency} requests at once (more answer 429/20429); target ${CARRIER.target} msg/s over ${CARRIER.numbers} numbers at ${perNumber} msg/s each; ` +
        `a cron run hands over until ${CRON_RUN.handOverBudgetMs / 1000} s, one a minute, taking turns; a local run for ${LOCAL_RUN.handOverBudgetMs / 1000} s`,
    );
    console.log(`(${loadAverage()})`);
    const timer = await carrierTimerRuns();
    console.log(`(${loadAverage()})`);
    const cron = await carrierCronRuns();
    console.log(`(${loadAverage()})`);
    const { rows } = await pool.query<{ sending: number; accepted: number }>(
      `SELECT count(*) FILTER (WHERE state = 'SENDING' AND "providerMessageId" IS NULL)::int AS sending,
              count(*) FILTER (WHERE "providerMessageId" IS NOT NULL)::int AS accepted
       FROM send_jobs WHERE "campaignId" = $1::uuid`,
      [carrierCampaign],
    );
    const pct = (x: number) => `${(x * 100).toFixed(1)} %`;
    const accepted = timer.provider.accepted.length + cron.provider.accepted.length;
    console.log(
      `Goals: the drain at a carrier's pace >= 95 % of the target (${CARRIER.target} msg/s); a slow call holds only its own job; 429s back off and fail no job.`,
    );
    console.log(
      `local drain timer, ${CARRIER.timerSeconds} s        ${pct(timer.share)} of target (${timer.sent.toLocaleString('en-AU')} messages, ${(timer.sent / CARRIER.timerSeconds).toFixed(1)} msg/s; ${timer.runs} run(s), ${timer.released} released at a run's end; ` +
        `peak ${timer.provider.stats.peakInFlight} in flight, ${timer.provider.stats.throttled} answered 429, ${timer.provider.stats.outliers} slow calls; busiest number ${busiestSenderSecond(timer.provider.accepted)} in any 1 s)`,
    );
    console.log(
      `cron shape, second minute        ${pct(cron.share)} of target (${cron.sent.toLocaleString('en-AU')} messages in the minute one run hands its turn to the next; ` +
        `the runs took ${cron.turns.map(seconds).join(' and ')}; released ${cron.released} at their ends; ` +
        `${cron.provider.stats.throttled} answered 429; both shapes: ${cron.retried + timer.retried} retried, ${cron.failed + timer.failed} failed)`,
    );
    console.log(
      `carrier bookkeeping               ${accepted.toLocaleString('en-AU')} accepted by the provider, ${rows[0].accepted.toLocaleString('en-AU')} jobs with its id, ${rows[0].sending} SENDING without one`,
    );
  }
} finally {
  await Promise.all([disconnectDb(), closePgPool()]);
  await dropDatabase(adminUrl, name);
}
