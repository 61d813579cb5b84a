import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { loadavg } from 'node:os';
import { recountCampaignStats } from '../../lib/campaign-stats/recount-campaign-stats';
import { getCampaignProgress } from '../../lib/campaigns/get-campaign-progress';
import { db, disconnectDb } from '../../lib/db/client';
import { closePgPool, pgPool } from '../../lib/db/pg-pool';
import { inTransaction } from '../../lib/db/transaction';
import { foldReportShards } from '../../lib/campaign-stats/fold-report-shards';
import { applyStatusCallback } from '../../lib/delivery-status/apply-status-callback';
import { nullProvider } from '../../lib/providers/null-provider';
import { postgresRateLimitStore } from '../../lib/rate-limit/postgres-store';
import { campaignReport } from '../../lib/reports/campaign-report';
import { readCampaignReport } from '../../lib/reports/read-campaign-report';
import { readDashboard } from '../../lib/reports/read-dashboard';
import { buildSendQueue } from '../../lib/sending/build-send-queue';
import { drainSendQueue } from '../../lib/sending/drain/drain-send-queue';
import { MESSAGE_FIGURES_SQL } from '../../lib/sending/message-figures';
import { createDatabase, dropDatabase } from '../support/embedded-postgres';
import { benchWorkspace } from './support/bench-workspace';
import { tenantWithNumbers } from './support/tenant-with-numbers';

// Reports at scale: a workspace with 10 campaigns and 5,000,000 send jobs (1,000,000
// in the biggest), with short links, clicks by people and bots, opt-outs and replies,
// all written through the tables' triggers as the app writes them. The campaign
// report, its live progress, the Reports list and the dashboard read the aggregates;
// each is timed (median and p95) beside a full scan of the same figures. Then the
// 1,000,000-row recipients export (rows a second, peak RSS), and what keeping the
// aggregates costs the drain and the status webhooks: each run with the aggregates'
// triggers on and off, alternately, in the same run.

const adminUrl = process.env.BENCH_DB_ADMIN_URL!;
const template = process.env.BENCH_DB_TEMPLATE!;
/** 1 for the sizes; 0.1 for a quick look. */
const SCALE = Number(process.env.BENCH_REPORTS_SCALE ?? 1);
const SIZES = [1_000_000, 700_000, 600_000, 500_000, 500_000, 450_000, 400_000, 350_000, 300_000, 200_000].map((n) =>
  Math.round(n * SCALE),
);
const RUNS = Number(process.env.BENCH_REPORTS_RUNS ?? 15);
const SCAN_RUNS = Number(process.env.BENCH_REPORTS_SCAN_RUNS ?? 3);
const OVERHEAD_JOBS = Number(process.env.BENCH_REPORTS_OVERHEAD_JOBS ?? 10_000);
const ABBA = [true, false, false, true];
/** Delivered callbacks timed, on a campaign of their own: 32 slices of about 1,250. */
const CALLBACKS = Number(process.env.BENCH_REPORTS_CALLBACKS ?? 40_000);
const CALLBACK_SLICES = 32;
const AGGREGATE_TRIGGERS = ['send_jobs_count_inserts', 'send_jobs_count_updates'];

const name = `crm_bench_reports_${process.pid}`;
process.env.NEXTAUTH_SECRET ??= 'bench-secret-bench-secret-bench-secret';
process.env.DATABASE_URL = await createDatabase(adminUrl, name, template);
const pool = pgPool();

const count = (n: number) => Math.round(n).toLocaleString('en-AU');
const ms = (n: number) => `${n < 10 ? n.toFixed(1) : count(n)} ms`;
const load = () =>
  `load average ${loadavg()
    .map((l) => l.toFixed(2))
    .join(', ')}`;

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

async function timed(runs: number, work: () => Promise<unknown>) {
  await work();
  const times: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const started = performance.now();
    await work();
    times.push(performance.now() - started);
  }
  return { median: percentile(times, 50), p95: percentile(times, 95) };
}

async function seed(tenantId: string) {
  const numbers = await Promise.all(
    [0, 1, 2, 3].map((i) =>
      db().sendingNumber.create({
        data: { tenantId, value: `+6140000${String(i).padStart(4, '0')}`, kind: 'LONG_CODE', dailyCap: 100_000_000 },
        select: { id: true },
      }),
    ),
  );
  const contacts = Math.max(...SIZES);
  await pool.query(
    `INSERT INTO contacts (id, "tenantId", "phoneE164", "firstName", "lastName", "consentStatus", state, postcode, "createdAt", "updatedAt")
     SELECT gen_random_uuid(), $1::uuid, '+614' || lpad(g::text, 8, '0'), 'Sam', 'Lee', 'EXPLICIT',
            (ARRAY['NSW','VIC','QLD','WA','SA','TAS','NT','ACT'])[1 + g % 8],
            -- A postcode of the contact's state, about 2,600 in all as in Australia.
            lpad(((ARRAY[2000, 3000, 4000, 6000, 5000, 7000, 800, 2600])[1 + g % 8] + (g / 8) % 325)::text, 4, '0'), now(), now()
     FROM generate_series(1, $2::int) g`,
    [tenantId, contacts],
  );
  const campaigns: string[] = [];
  const now = Date.now();
  for (const [i, size] of SIZES.entries()) {
    const launchedAt = new Date(now - (i + 1) * 2 * 86_400_000);
    const campaign = await db().campaign.create({
      data: {
        tenantId,
        name: `Campaign ${i + 1}`,
        status: 'COMPLETED',
        linkUrl: 'https://shop.example.com.au/sale',
        launchedAt,
        completedAt: new Date(launchedAt.getTime() + 6 * 3_600_000),
        templates: {
          create: [
            { tenantId, body: 'Sale on now {link}', position: 0 },
            { tenantId, body: 'Half price today {link}', position: 1 },
          ],
        },
      },
      select: { id: true, templates: { select: { id: true }, orderBy: { position: 'asc' } } },
    });
    campaigns.push(campaign.id);
    // Most delivered; some undelivered with the carriers' codes, refused, awaiting a report or
    // skipped; one in twenty tried twice; sends spread over six hours.
    await pool.query(
      `INSERT INTO send_jobs ("tenantId", "campaignId", "contactId", "toE164", "templateId", "sendingNumberId", state, attempts,
                              "providerMessageId", body, parts, "costMicros", "errorCode", "sentAt", "deliveredAt", "finishedAt", "createdAt", "updatedAt")
       SELECT $1::uuid, $2::uuid, c.id, c."phoneE164", ($3::uuid[])[1 + c.g % 2], ($4::uuid[])[1 + c.g % 4], o.state::"SendJobState",
              1 + (c.g % 20 = 7)::int, CASE WHEN o.handed THEN 'SMb' || $6::text || '_' || c.g END, 'Sale on now', 1,
              CASE WHEN o.handed THEN 55000 END, o.code,
              CASE WHEN o.handed THEN t END, CASE WHEN o.state = 'DELIVERED' THEN t + interval '20 seconds' END, t, t, t
         FROM (SELECT id, "phoneE164", row_number() OVER (ORDER BY "phoneE164") AS g FROM contacts
                WHERE "tenantId" = $1::uuid ORDER BY "phoneE164" LIMIT $5) c,
              LATERAL (SELECT $7::timestamp + (c.g::float8 / $5) * interval '6 hours' AS t) s,
              LATERAL (SELECT CASE WHEN c.g % 100 < 90 THEN 'DELIVERED' WHEN c.g % 100 < 94 THEN 'UNDELIVERED'
                                   WHEN c.g % 100 < 96 THEN 'FAILED' WHEN c.g % 100 < 99 THEN 'SENT' ELSE 'SKIPPED' END AS state,
                              c.g % 100 < 94 OR (c.g % 100 >= 96 AND c.g % 100 < 99) AS handed,
                              CASE WHEN c.g % 100 BETWEEN 90 AND 93 THEN (ARRAY['30003','30005','30007','30008'])[1 + c.g % 4]
                                   WHEN c.g % 100 BETWEEN 94 AND 95 THEN '21211' END AS code) o`,
      [
        tenantId,
        campaign.id,
        campaign.templates.map((t) => t.id),
        numbers.map((n) => n.id),
        size,
        String(i),
        launchedAt.toISOString(),
      ],
    );
    // A link for one recipient in ten; people open three in five of them (some twice), previews one in five.
    await pool.query(
      `INSERT INTO short_links ("tenantId", token, "campaignId", "sendJobId", "targetUrl", "expiresAt", "createdAt")
       SELECT $1::uuid, 'b' || j.id, j."campaignId", j.id, 'https://shop.example.com.au/sale', now() + interval '30 days', j."createdAt"
         FROM send_jobs j WHERE j."campaignId" = $2::uuid AND j.id % 10 = 0`,
      [tenantId, campaign.id],
    );
    await pool.query(
      `INSERT INTO clicks ("tenantId", "shortLinkId", "campaignId", "isBot", "visitorHash", "occurredAt")
       SELECT $1::uuid, l.id, l."campaignId", k.bot, md5(l.id::text || k.n), l."createdAt" + (k.n + 1) * interval '17 minutes'
         FROM short_links l
         JOIN LATERAL (SELECT n, false AS bot FROM generate_series(0, (l.id % 7 = 0)::int) n WHERE l.id % 5 < 3
                       UNION ALL SELECT 9, true WHERE l.id % 5 = 3) k ON true
        WHERE l."campaignId" = $2::uuid`,
      [tenantId, campaign.id],
    );
    // Three in a thousand recipients reply STOP within a day, five reply otherwise.
    await pool.query(
      `INSERT INTO consent_events ("tenantId", "contactId", action, source, "occurredAt")
       SELECT $1::uuid, j."contactId", 'OPTED_OUT', 'stop_reply', j."sentAt" + interval '2 hours'
         FROM send_jobs j WHERE j."campaignId" = $2::uuid AND j."sentAt" IS NOT NULL AND j.id % 1000 < 3`,
      [tenantId, campaign.id],
    );
    await pool.query(
      `INSERT INTO inbound_messages ("tenantId", "contactId", "fromE164", "toNumber", body, keyword, "messageSid", "receivedAt")
       SELECT $1::uuid, j."contactId", j."toE164", '+61400000000', 'Which store?', 'NONE', 'SMr' || j.id, j."sentAt" + interval '1 hour'
         FROM send_jobs j WHERE j."campaignId" = $2::uuid AND j."sentAt" IS NOT NULL AND j.id % 1000 BETWEEN 500 AND 504`,
      [tenantId, campaign.id],
    );
  }
  await pool.query('VACUUM ANALYZE');
  return campaigns;
}

/** The full scans the aggregates replace: the shapes the pages read before them. */
const scans = {
  progress: (tenantId: string, campaignId: string) =>
    pool.query(
      `SELECT GROUPING(state, held) = 3 AS total, state, held, count(*)::int AS count,
              COALESCE(sum("costMicros") FILTER (WHERE "providerMessageId" IS NOT NULL), 0) AS spent, ${MESSAGE_FIGURES_SQL}
         FROM (SELECT *, (state = 'QUEUED' AND gate IS NOT NULL AND gate <> 'retry') AS held
                 FROM send_jobs WHERE "campaignId" = $1::uuid AND "tenantId" = $2::uuid) j
        GROUP BY GROUPING SETS ((state, held), ())`,
      [campaignId, tenantId],
    ),
  list: (tenantId: string) =>
    Promise.all([
      pool.query(`SELECT "campaignId", ${MESSAGE_FIGURES_SQL} FROM send_jobs WHERE "tenantId" = $1::uuid GROUP BY 1`, [
        tenantId,
      ]),
      pool.query(
        `SELECT "campaignId", count(*) FILTER (WHERE NOT "isBot"), count(DISTINCT "shortLinkId") FILTER (WHERE NOT "isBot"),
                count(DISTINCT "visitorHash") FILTER (WHERE NOT "isBot"), count(*) FILTER (WHERE "isBot")
           FROM clicks WHERE "tenantId" = $1::uuid GROUP BY 1`,
        [tenantId],
      ),
    ]),
  dashboard: (tenantId: string) =>
    Promise.all([
      pool.query(
        `SELECT date_trunc('day', coalesce("deliveredAt", "sentAt")), ${MESSAGE_FIGURES_SQL}
           FROM send_jobs WHERE "tenantId" = $1::uuid AND coalesce("deliveredAt", "sentAt") >= now() - interval '30 days' GROUP BY 1`,
        [tenantId],
      ),
      pool.query(
        `SELECT date_trunc('day', "occurredAt"), count(*) FILTER (WHERE NOT "isBot") FROM clicks
          WHERE "tenantId" = $1::uuid AND "occurredAt" >= now() - interval '30 days' GROUP BY 1`,
        [tenantId],
      ),
    ]),
};

/** The export in a process of its own, so its RSS is an export's, not the benchmark's. */
function exportRecipients(scope: { tenantId: string; campaignId: string }) {
  return new Promise<{ rows: number; ms: number; peakMb: number }>((resolve, reject) => {
    const child = spawn(
      'npx',
      [
        'tsx',
        '--conditions=react-server',
        'scripts/bench/support/export-recipients.ts',
        scope.tenantId,
        scope.campaignId,
      ],
      { stdio: ['ignore', 'pipe', 'inherit'], env: process.env },
    );
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.on('exit', (code) =>
      code === 0
        ? resolve(JSON.parse(out.trim().split('\n').at(-1)!))
        : reject(new Error(`export exited with ${code}`)),
    );
  });
}

async function setAggregateTriggers(on: boolean) {
  for (const trigger of AGGREGATE_TRIGGERS)
    await pool.query(`ALTER TABLE send_jobs ${on ? 'ENABLE' : 'DISABLE'} TRIGGER ${trigger}`);
}

/**
 * Drains a fresh campaign of `jobs` messages to the null provider, with the aggregate
 * triggers on or off, and returns how long that took and the campaign.
 */
async function drainRound(sender: { tenantId: string; numberIds: string[] }, first: number, on: boolean, jobs: number) {
  await setAggregateTriggers(on);
  await pool.query(
    `INSERT INTO contacts (id, "tenantId", "phoneE164", "firstName", "consentStatus", state, "createdAt", "updatedAt")
     SELECT gen_random_uuid(), $1::uuid, '+614' || lpad((g + $2)::text, 8, '0'), 'Sam', 'EXPLICIT', 'NSW', now(), now()
       FROM generate_series(1, $3::int) g`,
    [sender.tenantId, first, jobs],
  );
  const campaign = await db().campaign.create({
    data: {
      tenantId: sender.tenantId,
      name: `Overhead ${randomUUID().slice(0, 8)}`,
      status: 'RUNNING',
      linkUrl: 'https://shop.example.com.au/spring',
      templates: {
        create: [{ tenantId: sender.tenantId, body: 'Hi {firstName|there}, spring sale {link}', position: 0 }],
      },
      numbers: { create: sender.numberIds.map((sendingNumberId) => ({ tenantId: sender.tenantId, sendingNumberId })) },
    },
    select: { id: true },
  });
  await inTransaction((tx) =>
    buildSendQueue(tx, {
      tenantId: sender.tenantId,
      campaignId: campaign.id,
      audience: { kind: 'all' },
      startAt: new Date(Date.now() - 60_000),
      now: new Date(),
    }),
  );
  // Each round starts from the same ground: counters folded as the cron would, tables vacuumed, dirty pages written.
  await foldReportShards();
  await pool.query('VACUUM ANALYZE send_jobs');
  await pool.query('VACUUM ANALYZE send_job_count_log');
  await pool.query('CHECKPOINT');
  const drainStarted = performance.now();
  const report = await drainSendQueue({
    provider: nullProvider(),
    rateLimits: postgresRateLimitStore(),
    batchSize: 1000,
    timeBudgetMs: 3_600_000,
  });
  const drainMs = performance.now() - drainStarted;
  await setAggregateTriggers(true);
  // The next run's campaign is to new contacts only.
  await pool.query(`DELETE FROM contacts WHERE "tenantId" = $1::uuid`, [sender.tenantId]);
  return { on, drained: report.accepted, drainMs, campaignId: campaign.id };
}

/**
 * Applies a delivered callback to each sent message of the campaign, ten at a time: a first
 * slice that warms the caches, then CALLBACK_SLICES that turn the triggers on and off in turn.
 */
async function callbackSlices(campaignId: string) {
  const { rows } = await pool.query<{ sid: string }>(
    `SELECT "providerMessageId" AS sid FROM send_jobs WHERE "campaignId" = $1::uuid AND "providerMessageId" IS NOT NULL`,
    [campaignId],
  );
  // The first slice after a drain runs on cold caches whichever way the triggers are: it warms them and is not counted.
  const order = [null, ...Array.from({ length: CALLBACK_SLICES / ABBA.length }, () => ABBA).flat()];
  const sliceSize = Math.ceil(rows.length / order.length);
  const slices: { on: boolean; callbacks: number; ms: number }[] = [];
  for (const [i, sliceOn] of order.entries()) {
    await setAggregateTriggers(sliceOn ?? true);
    const queue = rows.slice(i * sliceSize, (i + 1) * sliceSize).map((r) => r.sid);
    const size = queue.length;
    const started = performance.now();
    await Promise.all(
      Array.from({ length: 10 }, async () => {
        for (let sid = queue.pop(); sid; sid = queue.pop()) {
          const callback = { MessageSid: sid, MessageStatus: 'delivered', AccountSid: 'ACbench' };
          await applyStatusCallback({ callback, payload: callback });
        }
      }),
    );
    if (sliceOn !== null) slices.push({ on: sliceOn, callbacks: size, ms: performance.now() - started });
  }
  await setAggregateTriggers(true);
  return slices;
}

try {
  const actor = await benchWorkspace('bench-reports', 'ADMIN');
  const tenantId = actor.tenantId;
  const started = performance.now();
  const campaigns = await seed(tenantId);
  const seededMs = performance.now() - started;
  // As the background cron does every minute.
  const foldStarted = performance.now();
  await foldReportShards();
  const foldMs = performance.now() - foldStarted;
  const total = SIZES.reduce((a, b) => a + b, 0);
  const biggest = { tenantId, campaignId: campaigns[0] };
  console.log(
    `seeded ${count(total)} jobs over ${campaigns.length} campaigns (${count(SIZES[0])} in the biggest) with links, clicks, opt-outs and replies through the triggers in ${(seededMs / 1000).toFixed(1)} s, their counter rows folded in ${(foldMs / 1000).toFixed(1)} s (${load()})`,
  );

  const report = await timed(RUNS, () => readCampaignReport(biggest));
  const reportScan = await timed(SCAN_RUNS, () => recountCampaignStats(biggest));
  const progress = await timed(RUNS, () => getCampaignProgress({ actor, campaignId: biggest.campaignId }));
  const progressScan = await timed(SCAN_RUNS, () => scans.progress(tenantId, biggest.campaignId));
  const list = await timed(RUNS, () => campaignReport({ actor }));
  const listScan = await timed(SCAN_RUNS, () => scans.list(tenantId));
  const dashboard = await timed(RUNS, () => readDashboard({ actor }));
  const dashboardScan = await timed(SCAN_RUNS, () => scans.dashboard(tenantId));
  console.log(`(${load()})`);
  const exported = await exportRecipients(biggest);
  console.log(`(${load()})`);

  // A per-number rate under the default turns quiet hours off: these runs use the real clock.
  const sender = await tenantWithNumbers('bench-reports-overhead', 8, 9_999_999);
  const rounds: Awaited<ReturnType<typeof drainRound>>[] = [];
  let first = 40_000_000;
  // The first drain after the seeding runs on cold caches whichever way the triggers are: it warms them and is not counted.
  await drainRound(sender, first, true, OVERHEAD_JOBS);
  first += OVERHEAD_JOBS;
  for (const on of [...ABBA, ...ABBA]) {
    rounds.push(await drainRound(sender, first, on, OVERHEAD_JOBS));
    first += OVERHEAD_JOBS;
  }
  // The callbacks' messages come from an uncounted drain of their own, so there are enough of them for long slices.
  const { campaignId: callbackCampaign } = await drainRound(
    sender,
    first,
    true,
    CALLBACKS + CALLBACKS / CALLBACK_SLICES,
  );
  const slices = (await callbackSlices(callbackCampaign)).map((s) => ({ on: s.on, work: s.callbacks, ms: s.ms }));
  // Rounds (and callback slices) alternate on, off, off, on: a machine that speeds up or
  // slows down over the run weighs on both sides alike. Rates are total work over total time.
  type Timed = { on: boolean; work: number; ms: number };
  const drains: Timed[] = rounds.map((r) => ({ on: r.on, work: r.drained, ms: r.drainMs }));
  const rateOf = (runs: Timed[], on: boolean) => {
    const mine = runs.filter((r) => r.on === on);
    return mine.reduce((n, r) => n + r.work, 0) / (mine.reduce((n, r) => n + r.ms, 0) / 1000);
  };
  const drainRate = (on: boolean) => rateOf(drains, on);
  const callbackRate = (on: boolean) => rateOf(slices, on);
  const drainLoss = (1 - drainRate(true) / drainRate(false)) * 100;
  const callbackLoss = (1 - callbackRate(true) / callbackRate(false)) * 100;

  const row = (label: string, fast: { median: number; p95: number }, scan: { median: number; p95: number }) =>
    console.log(
      `${label.padEnd(34)} median ${ms(fast.median).padStart(8)}, p95 ${ms(fast.p95).padStart(8)}   full scan of the same figures: median ${ms(scan.median)}, p95 ${ms(scan.p95)} (${(scan.median / fast.median).toFixed(0)}×)`,
    );
  console.log(
    `\nGoals: campaign report, dashboard and progress < 100 ms (median and p95) at ${count(total)} jobs; a ${count(SIZES[0])}-row export >= 100,000 rows/s with RSS < 200 MB; the drain and webhooks lose <= 5 % to the aggregates.`,
  );
  row(`campaign report (${count(SIZES[0])} jobs)`, report, reportScan);
  row('campaign progress', progress, progressScan);
  row(`dashboard (${count(total)} jobs)`, dashboard, dashboardScan);
  row('Reports list (10 campaigns)', list, listScan);
  console.log(
    `recipients export (own process)    ${count(exported.rows)} rows in ${(exported.ms / 1000).toFixed(2)} s = ${count(exported.rows / (exported.ms / 1000))} rows/s, peak RSS ${exported.peakMb.toFixed(0)} MB`,
  );
  console.log(
    `drain, null provider               ${count(drainRate(true))} msg/s with the aggregates, ${count(drainRate(false))} without = ${drainLoss.toFixed(1)} % lost (${rounds.length} runs of ${count(OVERHEAD_JOBS)} messages, on and off in turn)`,
  );
  console.log(
    `status callbacks, 10 at a time     ${count(callbackRate(true))} /s with the aggregates, ${count(callbackRate(false))} without = ${callbackLoss.toFixed(1)} % lost (${count(slices.reduce((n, s) => n + s.work, 0))} in ${slices.length} slices after a warm-up, on and off in turn)`,
  );
  const each = (runs: Timed[]) =>
    runs.map((r) => `${r.on ? 'on' : 'off'} ${count(r.work / (r.ms / 1000))}`).join(' · ');
  console.log(`  each drain run, msg/s:    ${each(drains)}`);
  console.log(`  each callback slice, /s:  ${each(slices)}`);
  console.log(`(${load()})`);
} finally {
  await disconnectDb();
  await closePgPool();
  await dropDatabase(adminUrl, name);
}
