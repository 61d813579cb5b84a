import 'server-only';
import { Worker } from 'node:worker_threads';
import { UNEXPECTED_DRY_RUN_FAILURE, failDryRun } from './fail-dry-run';
import type { RunDryRunOptions } from './run-dry-run';

// A dry run checks every row in JavaScript: a million rows keep a core busy for
// tens of seconds. On a thread of its own the server goes on answering meanwhile,
// and a fixed old generation makes V8 collect the promoted rows as it goes instead
// of letting garbage grow to hundreds of MB (the live set stays under 60 MB for
// 1,000,000 rows; batches are bounded in rows and characters).
const HEAP_MB = 128;

// A built server's entry is bundled JavaScript. From source (tests, scripts run with
// tsx) the thread first loads tsx's loader, and resolves with the server-side condition.
const FROM_SOURCE = import.meta.url.endsWith('.ts');

export interface RunDryRunInWorkerOptions extends RunDryRunOptions {
  /** The thread's old generation in MB; what a million rows need unless said otherwise. */
  heapMb?: number;
}

function startThread(workerData: RunDryRunOptions, heapMb: number): Worker {
  const resourceLimits = { maxOldGenerationSizeMb: heapMb };
  if (!FROM_SOURCE) return new Worker(new URL('./dry-run-worker.ts', import.meta.url), { workerData, resourceLimits });
  const entry = import.meta.url.replace(/run-dry-run-in-worker\.ts$/, 'dry-run-worker.ts');
  return new Worker(
    `import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(entry)}); });`,
    { eval: true, workerData, resourceLimits, execArgv: ['--conditions=react-server'] },
  );
}

/**
 * Runs a dry run on a worker thread and resolves when it has ended. A thread that
 * dies (out of memory, killed) leaves the batch failed with a reason, never
 * "checking" forever.
 */
export async function runDryRunInWorker({
  tenantId,
  batchId,
  heapMb = HEAP_MB,
}: RunDryRunInWorkerOptions): Promise<void> {
  const worker = startThread({ tenantId, batchId }, heapMb);
  const outcome = await new Promise<Error | null>((resolve) => {
    let failure: Error | null = null;
    worker.on('error', (error) => (failure = error));
    worker.on('exit', (code) => resolve(failure ?? (code === 0 ? null : new Error(`exited with code ${code}`))));
  });
  if (!outcome) return;
  console.error('[imports] dry run thread failed', outcome);
  const message =
    (outcome as NodeJS.ErrnoException).code === 'ERR_WORKER_OUT_OF_MEMORY'
      ? 'The dry run ran out of memory: the file has rows too large to check. Split it into smaller files or remove unused columns.'
      : UNEXPECTED_DRY_RUN_FAILURE;
  await failDryRun({ tenantId, batchId, message });
}
