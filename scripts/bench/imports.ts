import { execFileSync, spawn } from 'node:child_process';
import { writeFileSync, rmSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { db, disconnectDb } from '../../lib/db/client';
import { createDatabase, dropDatabase } from '../support/embedded-postgres';
import { benchWorkspace } from './support/bench-workspace';
import { closePgPool } from '../../lib/db/pg-pool';
import { analyseImport } from '../../lib/imports/analyse-import';
import { createImportBatch } from '../../lib/imports/create-import-batch';
import { MAX_CHUNK_BYTES } from '../../lib/imports/schemas';
import { startDryRun } from '../../lib/imports/start-dry-run';
import { storeImportChunk } from '../../lib/imports/store-import-chunk';
import { loadAverage, parentOf, processTree, watchCpu } from './support/machine';

// Imports of generated files with realistic mess (5 % invalid numbers, 3 %
// duplicates): dry run, time to the first page of decisions, commit and peak RSS
// of the process doing the work, beside psql's \copy of the same file.

const SIZES = (process.env.BENCH_IMPORT_ROWS ?? '100000,1000000').split(',').map(Number);
const adminUrl = process.env.BENCH_DB_ADMIN_URL!;
const template = process.env.BENCH_DB_TEMPLATE!;

function generateCsv(rows: number): string {
  const lines = ['phone,first_name,last_name,email,consent,tags'];
  const firstNames = ['Olivia', 'Jack', 'Charlotte', 'Noah', 'Amelia', 'William', 'Isla', 'Oliver', 'Mia', 'Leo'];
  // The ways people write Australian mobiles; 041x numbers are all valid mobiles.
  const formats = [
    (n: string) => `041${n.slice(0, 1)} ${n.slice(1, 4)} ${n.slice(4)}`,
    (n: string) => `+61 41${n.slice(0, 1)} ${n.slice(1, 4)} ${n.slice(4)}`,
    (n: string) => `041${n}`,
    (n: string) => `'041${n}`,
  ];
  const national = (i: number) => String((i * 7_919) % 10_000_000).padStart(7, '0');
  for (let i = 0; i < rows; i += 1) {
    let phone = formats[i % formats.length](national(i));
    if (i % 20 === 7)
      phone = `041${national(i).slice(0, 4)}`; // 5 % invalid (too short)
    else if (i % 100 < 3 && i > 100) phone = formats[0](national(i - 50)); // 3 % duplicates of an earlier row
    const first = firstNames[i % firstNames.length];
    lines.push(
      `${phone},${first},Smith${i % 977},${first.toLowerCase()}${i}@example.com,${i % 3 === 0 ? 'implied' : 'yes'},${i % 5 === 0 ? 'vip' : ''}`,
    );
  }
  return `${lines.join('\n')}\n`;
}

function runStep(
  step: 'dry-run' | 'commit',
  tenantId: string,
  batchId: string,
  url: string,
  postmaster: number,
): Promise<{
  ms: number;
  cpuMs: number;
  databaseCpuMs: number;
  maxRssMb: number;
  loopDelayMs: { p99: number; max: number };
}> {
  const database = watchCpu(() => processTree(postmaster));
  return new Promise((resolve, reject) => {
    const child = spawn(
      'npx',
      [
        'tsx',
        '--conditions=react-server',
        path.join(import.meta.dirname, 'support/import-step.ts'),
        step,
        tenantId,
        batchId,
      ],
      { env: { ...process.env, DATABASE_URL: url }, stdio: ['ignore', 'pipe', 'inherit'] },
    );
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.on('exit', (code) =>
      code === 0
        ? resolve({ ...JSON.parse(out.trim().split('\n').at(-1)!), databaseCpuMs: database.stop() * 1000 })
        : reject(new Error(`${step} exited ${code}`)),
    );
  });
}

interface SizeResult {
  rows: number;
  dryRunMs: number;
  commitMs: number;
  dryRunRssMb: number;
  copyMs: number;
}

async function benchSize(rows: number): Promise<SizeResult> {
  const name = `crm_bench_imports_${rows}_${process.pid}`;
  const url = await createDatabase(adminUrl, name, template);
  process.env.DATABASE_URL = url;
  const file = path.join(tmpdir(), `bench-import-${rows}.csv`);
  try {
    const csv = generateCsv(rows);
    writeFileSync(file, csv);
    const bytes = readFileSync(file);
    const actor = await benchWorkspace(`bench-${rows}`, 'STAFF');

    let t = performance.now();
    const { id: batchId } = await createImportBatch({
      actor,
      input: { fileName: 'bench.csv', fileSize: bytes.length },
    });
    for (let seq = 0; seq * MAX_CHUNK_BYTES < bytes.length; seq += 1) {
      await storeImportChunk({
        actor,
        batchId,
        seq,
        data: bytes.subarray(seq * MAX_CHUNK_BYTES, (seq + 1) * MAX_CHUNK_BYTES),
      });
    }
    const { mapping } = await analyseImport({ actor, batchId });
    const uploadMs = performance.now() - t;
    await startDryRun({ actor, batchId, mapping: { ...mapping, consentSource: 'bench' } });

    const probe = new pg.Client({ connectionString: url });
    await probe.connect();
    const {
      rows: [{ pid }],
    } = await probe.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
    const postmaster = parentOf(pid)!;
    t = performance.now();
    const dryRun = runStep('dry-run', actor.tenantId, batchId, url, postmaster);
    let firstPageMs = NaN;
    while (Number.isNaN(firstPageMs)) {
      const {
        rows: [{ n }],
      } = await probe.query<{ n: number }>(
        'SELECT count(*)::int AS n FROM (SELECT 1 FROM import_rows WHERE "batchId" = $1 LIMIT 100) x',
        [batchId],
      );
      if (n >= 100) firstPageMs = performance.now() - t;
      else await new Promise((r) => setTimeout(r, 20));
    }
    const dry = await dryRun;
    const counts = await db().importBatch.findUniqueOrThrow({
      where: { id: batchId },
      select: { status: true, createCount: true, rejectCount: true, error: true },
    });
    if (counts.status !== 'ANALYSED') throw new Error(`dry run ended ${counts.status}: ${counts.error}`);
    const commit = await runStep('commit', actor.tenantId, batchId, url, postmaster);
    const contacts = await db().contact.count({ where: { tenantId: actor.tenantId } });

    await probe.query(
      'CREATE TABLE bare_copy (phone text, first_name text, last_name text, email text, consent text, tags text)',
    );
    await probe.end();
    let copyMs = NaN;
    try {
      t = performance.now();
      execFileSync('psql', [url, '-q', '-c', `\\copy bare_copy FROM '${file}' WITH (FORMAT csv, HEADER true)`], {
        stdio: 'inherit',
      });
      copyMs = performance.now() - t;
    } catch {
      console.log('  (psql is not installed here, so the \\copy comparison is skipped)');
    }

    const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
    console.log(
      `${rows.toLocaleString('en-AU')} rows (${(bytes.length / 1024 / 1024).toFixed(1)} MB): ${counts.createCount.toLocaleString('en-AU')} to create, ${counts.rejectCount.toLocaleString('en-AU')} rejected; ${contacts.toLocaleString('en-AU')} contacts after commit`,
    );
    console.log(`  upload + recognise      ${s(uploadMs)}`);
    console.log(
      `  dry run                 ${s(dry.ms)}   first page of decisions after ${s(firstPageMs)}   peak RSS ${dry.maxRssMb.toFixed(0)} MB`,
    );
    console.log(
      `  dry run, the calling thread's event-loop delay: p99 ${dry.loopDelayMs.p99.toFixed(0)} ms, max ${dry.loopDelayMs.max.toFixed(0)} ms (the rows are checked on a worker thread)`,
    );
    console.log(`  commit                  ${s(commit.ms)}   peak RSS ${commit.maxRssMb.toFixed(0)} MB`);
    // Where each step's time goes on this machine's cores: the step's own process, and PostgreSQL.
    const cpu = (step: typeof dry) => `node ${s(step.cpuMs)}, PostgreSQL ${s(step.databaseCpuMs)}`;
    console.log(`  CPU                     dry run: ${cpu(dry)}   commit: ${cpu(commit)}`);
    if (!Number.isNaN(copyMs)) {
      console.log(`  psql \\copy, bare table  ${s(copyMs)}`);
      console.log(
        `  ratio to \\copy          dry run ${(dry.ms / copyMs).toFixed(1)} ×   commit ${(commit.ms / copyMs).toFixed(1)} ×`,
      );
    }
    // The figures move with whatever else the machine runs: each size says how busy it was.
    console.log(`  (${loadAverage()})`);
    return { rows, dryRunMs: dry.ms, commitMs: commit.ms, dryRunRssMb: dry.maxRssMb, copyMs };
  } finally {
    rmSync(file, { force: true });
    await disconnectDb();
    await closePgPool();
    await dropDatabase(adminUrl, name);
  }
}

console.log(
  'Goals: dry run <= 10 × and commit <= 15 × psql \\copy of the same file; per-row cost at the largest size within 20 % of the smallest; dry-run peak RSS < 300 MB and flat in the file size; first page of a 100,000-row dry run < 5 s.',
);
const results: SizeResult[] = [];
for (const rows of SIZES) results.push(await benchSize(rows));
if (results.length > 1) {
  const [small, large] = [results[0], results.at(-1)!];
  const perRow = (ms: number, rows: number) => ms / rows;
  const growth = (pick: (r: SizeResult) => number) =>
    `${((perRow(pick(large), large.rows) / perRow(pick(small), small.rows) - 1) * 100).toFixed(0)} %`;
  console.log(
    `per-row cost at ${large.rows.toLocaleString('en-AU')} against ${small.rows.toLocaleString('en-AU')} rows: dry run ${growth((r) => r.dryRunMs)}, commit ${growth((r) => r.commitMs)} (goal within 20 %); dry-run peak RSS ${small.dryRunRssMb.toFixed(0)} → ${large.dryRunRssMb.toFixed(0)} MB`,
  );
}
