import { spawn, type ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { loadavg } from 'node:os';

// What the HTTP benchmarks need to know about the machine and to do to it: how
// much CPU a set of processes used (so a run can say where a request's cost goes),
// and a fixed background load that takes the same CPU in every run, so a figure
// measured "on a busy machine" means the same thing each time.

const TICKS_PER_SECOND = 100;

export function loadAverage(): string {
  return `load average ${loadavg()
    .map((l) => l.toFixed(2))
    .join(', ')}`;
}

/** CPU seconds (user and system) the process has used, or 0 once it is gone. */
function cpuSeconds(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND;
  } catch {
    return 0;
  }
}

export function parentOf(pid: number): number | null {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    return Number(/^PPid:\s+(\d+)/m.exec(status)?.[1] ?? NaN) || null;
  } catch {
    return null;
  }
}

/** A process and its children, as they are now: a PostgreSQL postmaster and its backends. */
export function processTree(root: number): number[] {
  const pids = readdirSync('/proc')
    .filter((d) => /^\d+$/.test(d))
    .map(Number);
  return [root, ...pids.filter((pid) => parentOf(pid) === root)];
}

/** CPU seconds used by the processes `pids()` names, summed. */
export function cpuOf(pids: () => number[]): () => number {
  return () => pids().reduce((sum, pid) => sum + cpuSeconds(pid), 0);
}

/**
 * CPU seconds the processes `pids()` names use from now until `stop`, sampled every
 * `everyMs`: one that exits keeps what it had used at its last sample, so the
 * PostgreSQL backends of a pool that closes before the end still count.
 */
export function watchCpu(pids: () => number[], everyMs = 250): { stop: () => number } {
  const before = new Map(pids().map((pid) => [pid, cpuSeconds(pid)]));
  const latest = new Map(before);
  const sample = () => {
    for (const pid of pids()) latest.set(pid, Math.max(latest.get(pid) ?? 0, cpuSeconds(pid)));
  };
  const timer = setInterval(sample, everyMs);
  return {
    stop: () => {
      clearInterval(timer);
      sample();
      let total = 0;
      for (const [pid, seconds] of latest) total += seconds - (before.get(pid) ?? 0);
      return total;
    },
  };
}

/**
 * `workers` processes that each spin for `dutyCycle` of every 10 ms, for as long
 * as the load is on: a busy machine made on purpose, the same in every run.
 */
export function backgroundLoad(workers: number, dutyCycle = 1): { stop: () => Promise<void>; describe: string } {
  const script = `const busy=${Math.round(dutyCycle * 10)};for(;;){const t=Date.now();while(Date.now()-t<busy){}if(busy<10)Atomics.wait(new Int32Array(new SharedArrayBuffer(4)),0,0,10-busy)}`;
  const children: ChildProcess[] = Array.from({ length: workers }, () =>
    spawn(process.execPath, ['-e', script], { stdio: 'ignore' }),
  );
  return {
    describe: `${workers} background process(es) spinning ${Math.round(dutyCycle * 100)} % of the time`,
    stop: async () => {
      await Promise.all(
        children.map(
          (child) =>
            new Promise<void>((resolve) => {
              if (child.exitCode !== null || child.signalCode !== null) return resolve();
              child.once('exit', () => resolve());
              child.kill('SIGKILL');
            }),
        ),
      );
    },
  };
}
