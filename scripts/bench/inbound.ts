import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { loadavg } from 'node:os';
import twilio from 'twilio';
import { db, disconnectDb } from '../../lib/db/client';
import { closePgPool, pgPool } from '../../lib/db/pg-pool';
import { inTransaction } from '../../lib/db/transaction';
import { createDatabase, dropDatabase } from '../support/embedded-postgres';
import { createShortLink } from '../../lib/links/create-short-link';
import { webhookAuthToken } from '../../lib/providers/provider-config';
import { ensureBuilt } from '../support/next-build';
import { loadGenerator, type LoadRequest, type LoadResult } from './support/load';
import { freePort } from '../support/free-port';
import { backgroundLoad, cpuOf, loadAverage, parentOf, processTree, watchCpu } from './support/machine';

// Against `next start` of a production build: short-link redirects (click
// recording on) beside a trivial route of the same build, signed inbound webhooks
// with their database writes, and how long a STOP takes to make a contact unsendable.
// The load comes from wrk in its own process where installed (autocannon otherwise);
// every redirect and webhook in a run is distinct, so the rows written afterwards
// can be counted against the answers.

const adminUrl = process.env.BENCH_DB_ADMIN_URL!;
const template = process.env.BENCH_DB_TEMPLATE!;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
/** The redirect and the trivial route alternate in this many rounds of ROUND_SECONDS each. */
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 10);
const ROUND_SECONDS = Number(process.env.BENCH_ROUND_SECONDS ?? 2);
const WARM_UP_SECONDS = 3;
const CONNECTIONS = 10;
const SECRET = 'bench-secret-bench-secret-bench-secret';
const OUR_NUMBER = '+61400000001';
const PHONE_UA =
  'Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1';
// More distinct requests than the server could answer in a run, so none repeats.
const REDIRECTS_PER_SECOND_CEILING = 8000;
const WEBHOOKS_PER_SECOND_CEILING = 3000;
const STOP_SAMPLES = 5;
/** Processes spinning beside the busy runs (BENCH_BACKGROUND_LOAD; 0 leaves them out). */
const BACKGROUND_WORKERS = Number(process.env.BENCH_BACKGROUND_LOAD ?? 2);
// Next's own CLI, not through npx: npm does not pass SIGTERM on, and every run
// used to leave its server behind, still holding memory and a port.
const NEXT_BIN = createRequire(import.meta.url).resolve('next/dist/bin/next');

async function waitFor(url: string): Promise<void> {
  for (let i = 0; i < 300; i += 1) {
    if (
      await fetch(url).then(
        (r) => r.ok,
        () => false,
      )
    )
      return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${url} did not come up`);
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A load run with the CPU seconds the server and PostgreSQL spent on it. */
interface Measured extends LoadResult {
  nextSeconds: number;
  dbSeconds: number;
  load: string;
}

/** A route's figures over its rounds: rates and CPU added up, and each percentile the median of the rounds'. */
interface Combined extends Measured {
  /** Each round's requests a second, in order. */
  perRound: number[];
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

function combined(rounds: Measured[]): Combined {
  const sum = (pick: (r: Measured) => number) => rounds.reduce((total, r) => total + pick(r), 0);
  const requests = sum((r) => r.requests);
  return {
    requests,
    perSecond: requests / sum((r) => r.requests / r.perSecond),
    p50Ms: median(rounds.map((r) => r.p50Ms)),
    p99Ms: median(rounds.map((r) => r.p99Ms)),
    unexpected: sum((r) => r.unexpected),
    errors: sum((r) => r.errors),
    nextSeconds: sum((r) => r.nextSeconds),
    dbSeconds: sum((r) => r.dbSeconds),
    load: rounds[rounds.length - 1].load,
    perRound: rounds.map((r) => r.perSecond),
  };
}

function line(name: string, r: LoadResult, expected: number): string {
  return `${name.padEnd(34)} ${r.perSecond.toFixed(0).padStart(6)} req/s   p50 ${r.p50Ms.toFixed(1)} ms   p99 ${r.p99Ms.toFixed(1)} ms   not ${expected} ${r.unexpected}   errors ${r.errors}`;
}

const name = `crm_bench_inbound_${process.pid}`;
const url = await createDatabase(adminUrl, name, template);
process.env.DATABASE_URL = url;
process.env.NEXTAUTH_SECRET = SECRET;
const port = await freePort();
const base = `http://127.0.0.1:${port}`;
process.env.NEXTAUTH_URL = base;

ensureBuilt();
// The load stands for visitors behind one proxy, whose X-Forwarded-For names each of them.
// BENCH_CPU_PROF=<folder>: the server writes a V8 CPU profile there when it exits.
const profile = process.env.BENCH_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`] : [];
const server = spawn(process.execPath, [...profile, NEXT_BIN, 'start', '-p', String(port), '-H', '127.0.0.1'], {
  env: {
    ...process.env,
    NODE_ENV: 'production',
    DATABASE_URL: url,
    NEXTAUTH_URL: base,
    NEXTAUTH_SECRET: SECRET,
    TRUSTED_PROXY_HOPS: '1',
  },
  stdio: 'ignore',
});
try {
  const load = loadGenerator();
  const tenant = await db().tenant.create({ data: { slug: 'bench', name: 'Bench', settings: { create: {} } } });
  await db().sendingNumber.create({ data: { tenantId: tenant.id, value: OUR_NUMBER, kind: 'LONG_CODE' } });
  const campaign = await db().campaign.create({ data: { tenantId: tenant.id, name: 'Bench' } });
  const tokens: string[] = [];
  for (let i = 0; i < 1000; i += 1) {
    tokens.push(
      (
        await inTransaction((tx) =>
          createShortLink(tx, {
            tenantId: tenant.id,
            campaignId: campaign.id,
            sendJobId: null,
            targetUrl: `https://shop.example.com.au/p/${i}`,
          }),
        )
      ).token,
    );
  }
  await waitFor(`${base}/api/health/live`);

  const run = (requests: LoadRequest[], expectStatus: number, seconds = SECONDS) =>
    load.run({ base, requests, expectStatus, connections: CONNECTIONS, seconds });
  // Each visit comes from its own address, so no click is folded into another.
  const redirectRequests = (network: number, count: number): LoadRequest[] =>
    Array.from({ length: count }, (_, i) => ({
      method: 'GET',
      path: `/l/${tokens[i % tokens.length]}`,
      headers: {
        'user-agent': PHONE_UA,
        'x-forwarded-for': `${network}.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`,
      },
    }));
  const token = webhookAuthToken();
  const inboundUrl = `${base}/api/webhooks/twilio/inbound`;
  const signed = (params: Record<string, string>): LoadRequest => ({
    method: 'POST',
    path: '/api/webhooks/twilio/inbound',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      'x-twilio-signature': twilio.getExpectedTwilioSignature(token, inboundUrl, params),
    },
    body: new URLSearchParams(params).toString(),
  });
  const webhookRequests = (prefix: string, count: number): LoadRequest[] =>
    Array.from({ length: count }, (_, i) =>
      signed({
        MessageSid: `SM${prefix}${process.pid}x${i}`,
        From: `+6141${String(i % 10_000_000).padStart(7, '0')}`,
        To: OUR_NUMBER,
        Body: 'Thanks, see you Saturday',
        AccountSid: 'ACbench',
      }),
    );
  const clicks = () => db().click.count({ where: { tenantId: tenant.id } });
  const stored = () => db().inboundMessage.count({ where: { tenantId: tenant.id } });

  console.log(
    `Load: ${load.describe}; ${CONNECTIONS} connections; the redirect and the trivial route take turns in ${ROUNDS} rounds of ${ROUND_SECONDS} s each after a ${WARM_UP_SECONDS} s warm-up, the webhooks ${SECONDS} s; load average before: ${loadavg()[0].toFixed(2)}`,
  );
  console.log(
    `Goals: redirects >= 1,500 req/s and >= 70 % of the floor with p99 < 25 ms; webhooks >= 500 req/s; STOP effective within the request.`,
  );

  // Where each request's CPU goes: the Next server, and PostgreSQL (postmaster and backends).
  const backend = (await pgPool().query<{ pid: number }>('SELECT pg_backend_pid() AS pid')).rows[0].pid;
  const postmaster = parentOf(backend)!;
  const serverCpu = cpuOf(() => processTree(server.pid!));
  const measured = async (requests: LoadRequest[], expectStatus: number, seconds: number): Promise<Measured> => {
    const next0 = serverCpu();
    // Sampled, since the server's pool closes idle backends and they take their CPU time
    // with them; once a second, to take little from the CPU being measured.
    const database = watchCpu(() => processTree(postmaster), 1000);
    const result = await run(requests, expectStatus, seconds);
    // The last clicks are written up to 250 ms after their redirect.
    await sleep(400);
    return { ...result, nextSeconds: serverCpu() - next0, dbSeconds: database.stop(), load: loadAverage() };
  };
  const trivial = [{ method: 'GET' as const, path: '/api/health/live', headers: {} }];

  // The trivial route and the redirect take turns in short rounds, so a slow patch
  // of the machine (a neighbour, the JIT, the background load settling) falls on
  // both alike; each route's figures add its rounds up, and its p99 is the median
  // of theirs. Every round's visitors are new, so no click is folded into another.
  let network = 20;
  const alternate = async () => {
    const rounds: { floor: Measured; redirects: Measured }[] = [];
    for (let round = 0; round < ROUNDS; round += 1) {
      const floorRound = await measured(trivial, 200, ROUND_SECONDS);
      const redirectRound = await measured(
        redirectRequests(network++, ROUND_SECONDS * REDIRECTS_PER_SECOND_CEILING),
        302,
        ROUND_SECONDS,
      );
      rounds.push({ floor: floorRound, redirects: redirectRound });
    }
    return { floor: combined(rounds.map((r) => r.floor)), redirects: combined(rounds.map((r) => r.redirects)) };
  };
  const warmUp = async () => {
    await run(trivial, 200, WARM_UP_SECONDS);
    await run(redirectRequests(network++, WARM_UP_SECONDS * REDIRECTS_PER_SECOND_CEILING), 302, WARM_UP_SECONDS);
  };

  await warmUp();
  // The warm-up's last clicks are written up to 250 ms after their redirect.
  await sleep(1000);
  const clicksBefore = await clicks();
  const quiet = await alternate();
  await sleep(1000);
  const clicksRecorded = (await clicks()) - clicksBefore;
  const floor = quiet.floor;
  const redirects = quiet.redirects;

  // The same pair on a machine made busy on purpose.
  let busy: { floor: Combined; redirects: Combined; describe: string } | null = null;
  if (BACKGROUND_WORKERS > 0) {
    const background = backgroundLoad(BACKGROUND_WORKERS);
    try {
      await sleep(1000);
      await warmUp();
      busy = { ...(await alternate()), describe: background.describe };
    } finally {
      await background.stop();
    }
  }

  await run(webhookRequests('warm', 2 * WEBHOOKS_PER_SECOND_CEILING), 200, 2);
  const storedBefore = await stored();
  const webhooks = await run(webhookRequests('run', SECONDS * WEBHOOKS_PER_SECOND_CEILING), 200);
  const storedAfter = (await stored()) - storedBefore;

  const stops: { ms: number; effective: boolean }[] = [];
  for (let i = 0; i < STOP_SAMPLES; i += 1) {
    const contact = await db().contact.create({
      data: { tenantId: tenant.id, phoneE164: `+6149900011${i}`, consentStatus: 'EXPLICIT' },
    });
    await db().sendJob.create({
      data: {
        tenantId: tenant.id,
        campaignId: campaign.id,
        contactId: contact.id,
        toE164: contact.phoneE164,
        state: 'QUEUED',
      },
    });
    const stop = signed({
      MessageSid: `SMstop${process.pid}x${i}`,
      From: contact.phoneE164,
      To: OUR_NUMBER,
      Body: 'STOP',
      AccountSid: 'ACbench',
    });
    const started = performance.now();
    const res = await fetch(inboundUrl, { method: 'POST', headers: stop.headers, body: stop.body });
    await res.text();
    const ms = performance.now() - started;
    const [dnc, job] = await Promise.all([
      db().dncEntry.count({ where: { tenantId: tenant.id, phoneE164: contact.phoneE164 } }),
      db().sendJob.findFirstOrThrow({ where: { contactId: contact.id }, select: { state: true } }),
    ]);
    stops.push({ ms, effective: res.ok && dnc === 1 && job.state === 'SKIPPED' });
  }
  const stopMs = stops.map((s) => s.ms).sort((a, b) => a - b);
  const share = redirects.perSecond / floor.perSecond;

  const perRequest = (seconds: number, r: Combined) => ((seconds / Math.max(1, r.requests)) * 1e6).toFixed(0);
  const cpu = (r: Combined) =>
    `CPU per request: Next ${perRequest(r.nextSeconds, r)} µs, PostgreSQL ${perRequest(r.dbSeconds, r)} µs (${r.load})`;
  const rounds = (r: Combined, f: Combined) =>
    `rounds: ${r.perRound.map((rate, i) => `${((rate / f.perRound[i]) * 100).toFixed(0)} %`).join(', ')}`;
  console.log(`${line('trivial route (floor)', floor, 200)}   ${cpu(floor)}`);
  console.log(
    `${line('short-link redirect, clicks on', redirects, 302)}   = ${(share * 100).toFixed(0)} % of the floor (${rounds(redirects, floor)}); ${clicksRecorded.toLocaleString('en-AU')} clicks recorded for ${redirects.requests.toLocaleString('en-AU')} answered; ${cpu(redirects)}`,
  );
  if (busy) {
    console.log(`busy machine: ${busy.describe}`);
    console.log(`${line('trivial route (floor), busy', busy.floor, 200)}   ${cpu(busy.floor)}`);
    console.log(
      `${line('short-link redirect, busy', busy.redirects, 302)}   = ${((busy.redirects.perSecond / busy.floor.perSecond) * 100).toFixed(0)} % of the floor (${rounds(busy.redirects, busy.floor)}); ${cpu(busy.redirects)}`,
    );
  }
  console.log(
    `${line('signed inbound webhook + writes', webhooks, 200)}   ${storedAfter.toLocaleString('en-AU')} messages stored for ${webhooks.requests.toLocaleString('en-AU')} answered`,
  );
  console.log(
    `STOP webhook answered in ${stopMs[Math.floor(stopMs.length / 2)].toFixed(1)} ms median, ${stopMs[stopMs.length - 1].toFixed(1)} ms max over ${STOP_SAMPLES}; right after each answer on DNC with its queued job skipped: ${stops.filter((s) => s.effective).length} of ${STOP_SAMPLES}`,
  );
  const verdicts = [
    `redirect rate ${redirects.perSecond >= 1500 ? 'met' : 'MISSED'}`,
    `redirect share ${share >= 0.7 ? 'met' : 'MISSED'}`,
    `redirect p99 ${redirects.p99Ms < 25 ? 'met' : 'MISSED'}`,
    `clicks ${clicksRecorded >= redirects.requests ? 'all recorded' : 'MISSING'}`,
    `webhook rate ${webhooks.perSecond >= 500 ? 'met' : 'MISSED'}`,
    `messages ${storedAfter >= webhooks.requests ? 'all stored' : 'MISSING'}`,
    `STOP ${stops.every((s) => s.effective) ? 'met' : 'MISSED'}`,
  ];
  console.log(`Verdict: ${verdicts.join('; ')}`);
  const held = (r: Combined, f: Combined) =>
    `${((r.perSecond / f.perSecond) * 100).toFixed(0)} % of the floor ${r.perSecond >= 0.9 * f.perSecond ? 'met' : 'MISSED'}, ` +
    `p99 ${(r.p99Ms / f.p99Ms).toFixed(2)} × the floor's ${r.p99Ms < 2 * f.p99Ms ? 'met' : 'MISSED'}`;
  console.log(
    `Goals (issue 17): redirect >= 90 % of the trivial route with p99 < 2 × its p99, quiet and busy. Quiet: ${held(redirects, floor)}` +
      (busy ? `; busy: ${held(busy.redirects, busy.floor)}` : ''),
  );
} finally {
  const exited =
    server.exitCode === null && server.signalCode === null
      ? new Promise((resolve) => server.once('exit', resolve))
      : Promise.resolve();
  server.kill('SIGTERM');
  await Promise.all([exited, disconnectDb(), closePgPool()]);
  await dropDatabase(adminUrl, name);
}
