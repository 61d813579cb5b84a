import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';

// Load for the HTTP benchmarks. wrk (C, one thread, its own process) takes ~7 % of
// a core at 1,500 requests a second here; autocannon, JavaScript inside the
// benchmark's own process, takes about twice that from the CPU it is measuring, so
// it is only the fallback where wrk is not installed. Both send requests built
// beforehand, so the load generator signs and formats nothing while it runs.

export interface LoadRequest {
  method: 'GET' | 'HEAD' | 'POST';
  path: string;
  headers: Record<string, string>;
  body?: string;
}

export interface LoadResult {
  requests: number;
  perSecond: number;
  p50Ms: number;
  p99Ms: number;
  /** Answers with any status but the expected one. */
  unexpected: number;
  /** Connection errors and timeouts. */
  errors: number;
}

export interface LoadGenerator {
  describe: string;
  /** Sends `requests` in order, round and round, over `connections` for `seconds`. */
  run(options: {
    base: string;
    requests: LoadRequest[];
    expectStatus: number;
    connections: number;
    seconds: number;
  }): Promise<LoadResult>;
}

const WRK_SCRIPT = path.join(import.meta.dirname, 'wrk-requests.lua');

function wrkVersion(): string | null {
  const probe = spawnSync('wrk', ['--version'], { encoding: 'utf8' });
  if (probe.error) return null;
  return /wrk (\S+)/.exec(`${probe.stdout}${probe.stderr}`)?.[1] ?? 'unknown version';
}

function field(value: string): string {
  if (/[\t\n\r]/.test(value))
    throw new Error(`a benchmark request field holds a tab or newline: ${JSON.stringify(value)}`);
  return value;
}

const wrk = (version: string): LoadGenerator => ({
  describe: `wrk ${version}, one thread in its own process`,
  async run({ base, requests, expectStatus, connections, seconds }) {
    const dir = mkdtempSync(path.join(tmpdir(), 'crm-bench-'));
    try {
      const file = path.join(dir, 'requests.tsv');
      const lines = requests.map((r) =>
        [r.method, r.path, r.body ?? '', ...Object.entries(r.headers).flat()].map(field).join('\t'),
      );
      writeFileSync(file, `${lines.join('\n')}\n`);
      // One thread: every thread would start the list from its top, repeating requests
      // (a replayed webhook, a folded click); one thread drives these rates with ease.
      const child = spawn(
        'wrk',
        [
          '-t1',
          `-c${connections}`,
          `-d${seconds}s`,
          '--timeout',
          '5s',
          '-s',
          WRK_SCRIPT,
          base,
          '--',
          file,
          String(expectStatus),
        ],
        { stdio: ['ignore', 'pipe', 'inherit'] },
      );
      let out = '';
      child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
      const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
      const json = /WRK_RESULT (\{.*\})/.exec(out)?.[1];
      if (code !== 0 || !json) throw new Error(`wrk failed (exit ${code}):\n${out}`);
      const r = JSON.parse(json) as {
        requests: number;
        durationUs: number;
        p50Us: number;
        p99Us: number;
        unexpected: number;
        errors: number;
      };
      return {
        requests: r.requests,
        perSecond: r.requests / (r.durationUs / 1e6),
        p50Ms: r.p50Us / 1000,
        p99Ms: r.p99Us / 1000,
        unexpected: r.unexpected,
        errors: r.errors,
      };
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
});

const autocannonInProcess = (why: string): LoadGenerator => ({
  describe: `autocannon inside the benchmark process, taking more of the CPU it measures (${why})`,
  async run({ base, requests, expectStatus, connections, seconds }) {
    let next = 0;
    const r = await autocannon({
      url: base,
      connections,
      duration: seconds,
      requests: [{ setupRequest: () => requests[next++ % requests.length] }],
    });
    const unexpected = Object.entries(r.statusCodeStats).reduce(
      (sum, [status, { count }]) => (Number(status) === expectStatus ? sum : sum + count),
      0,
    );
    // The mean of its one-second samples: its own duration also counts the wait for the last answers.
    return {
      requests: r.requests.total,
      perSecond: r.requests.average,
      p50Ms: r.latency.p50,
      p99Ms: r.latency.p99,
      unexpected,
      errors: r.errors,
    };
  },
});

/** wrk when it is installed, otherwise autocannon (BENCH_LOAD=autocannon forces it, for comparison). */
export function loadGenerator(): LoadGenerator {
  if (process.env.BENCH_LOAD === 'autocannon') return autocannonInProcess('BENCH_LOAD=autocannon');
  const version = wrkVersion();
  return version ? wrk(version) : autocannonInProcess('wrk not found: apt-get install wrk');
}
