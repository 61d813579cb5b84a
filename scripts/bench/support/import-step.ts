import { closePgPool } from '../../../lib/db/pg-pool';

// One import step in its own process, so its time and peak memory are its own; each
// step loads only its own modules.
const [step, tenantId, batchId] = process.argv.slice(2);
const run =
  step === 'dry-run'
    ? await import('../../../lib/imports/run-dry-run-in-worker').then(
        ({ runDryRunInWorker }) =>
          () =>
            runDryRunInWorker({ tenantId, batchId }),
      )
    : await import('../../../lib/imports/commit-import').then(
        ({ commitImport }) =>
          () =>
            commitImport({ tenantId, batchId, actorUserId: null }),
      );
const started = performance.now();
await run();
const ms = performance.now() - started;
await closePgPool();
console.log(JSON.stringify({ ms, maxRssMb: process.resourceUsage().maxRSS / 1024 }));
