import { monitorEventLoopDelay } from 'node:perf_hooks';
import { closePgPool } from '../../../lib/db/pg-pool';

// One import step in its own process, so its time and peak memory are its own; each
// step loads only its own modules.
const [step, tenantId, batchId] = process.argv.slice(2);
async function loadStep(): Promise<() => Promise<void>> {
  if (step === 'dry-run') {
    const { runDryRunInWorker } = await import('../../../lib/imports/run-dry-run-in-worker');
    return () => runDryRunInWorker({ tenantId, batchId });
  }
  const { commitImport } = await import('../../../lib/imports/commit-import');
  return () => commitImport({ tenantId, batchId, actorUserId: null });
}
const run = await loadStep();
// How long this thread (a server's, in production) waits to run anything while the step works.
const loop = monitorEventLoopDelay({ resolution: 10 });
loop.enable();
const cpuMicros = () => {
  const usage = process.resourceUsage();
  return usage.userCPUTime + usage.systemCPUTime;
};
const started = performance.now();
const cpuBefore = cpuMicros();
await run();
const ms = performance.now() - started;
// Every thread of the process: the dry run's worker and the thread that waits for it.
const cpuMs = (cpuMicros() - cpuBefore) / 1000;
loop.disable();
await closePgPool();
const loopDelayMs = { p99: loop.percentile(99) / 1e6, max: loop.max / 1e6 };
console.log(JSON.stringify({ ms, cpuMs, maxRssMb: process.resourceUsage().maxRSS / 1024, loopDelayMs }));
