import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { db } from '@/lib/db/client';
import { pgPool } from '@/lib/db/pg-pool';
import { simulatorProvider } from '@/lib/providers/simulator-provider';
import { postgresRateLimitStore } from '@/lib/rate-limit/postgres-store';
import { drainSendQueue, type DrainReport } from '@/lib/sending/drain/drain-send-queue';
import { addContacts, emptyQueueAndSender, MIDDAY_SYDNEY, runningCampaign } from '../support/sending-fixtures';

// Drains in their own processes, killed, stopped and stalled for real, beside drains
// in this process that come along later to recover what they left. Each test prints
// what it did and what it found.

const rateLimits = postgresRateLimitStore();
const minutesLater = (minutes: number) => new Date(MIDDAY_SYDNEY.getTime() + minutes * 60_000);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const LEASE_MS = 1500;
const children: ChildProcess[] = [];

let tenantId: string;
let numberId: string;

beforeEach(async () => {
  ({ tenantId, numberId } = await emptyQueueAndSender());
});

afterEach(() => {
  for (const child of children.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
});

interface DrainChild {
  process: ChildProcess;
  /** Resolves with the child's report when its drain ends. */
  finished: Promise<DrainReport>;
}

/** Starts a drain of 20-job batches, one message at a time, and waits until it freezes as `mode` says. */
async function startFrozenDrain(acceptBeforeFreeze: number, mode: string): Promise<DrainChild> {
  // Node itself, not npx: signals must reach the process doing the work.
  const child = spawn(
    process.execPath,
    [
      '--conditions=react-server',
      '--import',
      'tsx',
      path.resolve(import.meta.dirname, '../support/drain-child.ts'),
      MIDDAY_SYDNEY.toISOString(),
      String(acceptBeforeFreeze),
      mode,
      String(LEASE_MS),
    ],
    { env: process.env, stdio: ['ignore', 'pipe', 'inherit'] },
  );
  children.push(child);
  let output = '';
  const finished = new Promise<DrainReport>((resolve, reject) => {
    child.on('exit', (code) => {
      const line = output.split('\n').find((l) => l.startsWith('REPORT '));
      if (line) resolve(JSON.parse(line.slice('REPORT '.length)) as DrainReport);
      else reject(new Error(`drain child exited (${code}) without a report`));
    });
  });
  await new Promise<void>((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('FROZEN')) resolve();
    });
    finished.catch(reject);
  });
  finished.catch(() => {});
  return { process: child, finished };
}

const simulator = simulatorProvider({ db: pgPool(), callbackDelayMs: 0, fate: () => ({ status: 'delivered' }) });

/** A drain in this process with its clock three minutes on: it recovers any interrupted send it is allowed to. */
function laterDrain() {
  return drainSendQueue({ provider: simulator, rateLimits, clock: () => minutesLater(3) });
}

/** How many messages the provider holds for each of the campaign's jobs. */
async function messagesPerJob(campaignId: string): Promise<number[]> {
  const { rows } = await pgPool().query<{ n: number }>(
    `SELECT count(m.sid)::int AS n FROM send_jobs j LEFT JOIN simulated_messages m ON m."sendJobId" = j.id
     WHERE j."campaignId" = $1::uuid GROUP BY j.id`,
    [campaignId],
  );
  return rows.map((r) => r.n);
}

function describeCounts(counts: number[]): string {
  const tally = new Map<number, number>();
  for (const n of counts) tally.set(n, (tally.get(n) ?? 0) + 1);
  return [...tally.entries()]
    .sort(([a], [b]) => a - b)
    .map(([n, jobs]) => `${jobs} job(s) with ${n} message(s)`)
    .join(', ');
}

describe('fault: drains stalled, stopped and killed', () => {
  it('a drain whose provider stalls for many lease lives, while later drains try to recover its batch, sends each job once', async () => {
    await addContacts(tenantId, 20);
    const { campaignId } = await runningCampaign(tenantId, { numberIds: [numberId] });
    const stalled = await startFrozenDrain(5, `stall:${LEASE_MS * 4}`);

    const recoveries: DrainReport['recovered'][] = [];
    for (let i = 0; i < 4; i += 1) {
      recoveries.push((await laterDrain()).recovered);
      await sleep(LEASE_MS);
    }
    const report = await stalled.finished;
    const counts = await messagesPerJob(campaignId);

    console.log(
      `[fault] stalled provider: a drain stalled ${LEASE_MS * 4} ms after 5 of 20 messages (lease ${LEASE_MS} ms); ` +
        `4 later drains recovered ${JSON.stringify(recoveries)}; the stalled drain then sent ${report.accepted}; found ${describeCounts(counts)}`,
    );
    expect(recoveries.every((r) => r.found === 0 && r.requeued === 0)).toBe(true);
    expect(report.accepted).toBe(20);
    expect(counts).toHaveLength(20);
    expect(counts.every((n) => n === 1)).toBe(true);
    expect(await db().sendJob.count({ where: { campaignId, providerMessageId: null } })).toBe(0);
    expect(await db().spendLedgerEntry.count({ where: { tenantId } })).toBe(20);
  }, 60_000);

  it('a drain stopped (SIGSTOP) past its lease stops sending when it wakes, and recovery sends the rest once', async () => {
    await addContacts(tenantId, 20);
    const { campaignId } = await runningCampaign(tenantId, { numberIds: [numberId] });
    const paused = await startFrozenDrain(5, 'pause:500');
    paused.process.kill('SIGSTOP');
    await sleep(LEASE_MS * 2);

    const recovery = await laterDrain();
    const requeuedSent = await laterDrain();
    paused.process.kill('SIGCONT');
    const report = await paused.finished;
    const counts = await messagesPerJob(campaignId);

    console.log(
      `[fault] SIGSTOP: a drain stopped for ${LEASE_MS * 2} ms after 5 of 20 messages (lease ${LEASE_MS} ms); ` +
        `recovery found ${recovery.recovered.found} and re-queued ${recovery.recovered.requeued}; ` +
        `after SIGCONT the stopped drain left ${report.unsent} unsent; found ${describeCounts(counts)}`,
    );
    expect(recovery.recovered).toEqual({ found: 5, requeued: 15 });
    expect(recovery.accepted + requeuedSent.accepted).toBe(15);
    expect(report.unsent).toBe(15);
    expect(counts).toHaveLength(20);
    expect(counts.every((n) => n === 1)).toBe(true);
    expect(await db().spendLedgerEntry.count({ where: { tenantId } })).toBe(20);
  }, 60_000);

  it('a drain killed (SIGKILL) after handing messages over but before recording them never sends those messages twice', async () => {
    await addContacts(tenantId, 30);
    const { campaignId } = await runningCampaign(tenantId, { numberIds: [numberId] });
    const killed = await startFrozenDrain(7, 'hang');
    killed.process.kill('SIGKILL');

    const limbo = await db().sendJob.count({ where: { campaignId, state: 'SENDING', providerMessageId: null } });
    expect(limbo).toBe(20);
    const soon = await drainSendQueue({ provider: simulator, rateLimits, clock: () => minutesLater(1) });
    expect(soon.recovered).toEqual({ found: 0, requeued: 0 });
    const whileLeased = await laterDrain();
    expect(whileLeased.recovered).toEqual({ found: 0, requeued: 0 });
    await sleep(LEASE_MS);
    const restarted = await laterDrain();
    const counts = await messagesPerJob(campaignId);

    console.log(
      `[fault] SIGKILL: a drain killed after handing over 7 of a 20-message batch; ` +
        `recovery found ${restarted.recovered.found} and re-queued ${restarted.recovered.requeued} once its lease expired; found ${describeCounts(counts)}`,
    );
    expect(restarted.recovered).toEqual({ found: 7, requeued: 13 });
    expect(counts).toHaveLength(30);
    expect(counts.every((n) => n === 1)).toBe(true);
    expect(await db().sendJob.count({ where: { campaignId, providerMessageId: null } })).toBe(0);
    expect(await db().spendLedgerEntry.count({ where: { tenantId } })).toBe(30);
  }, 60_000);
});
