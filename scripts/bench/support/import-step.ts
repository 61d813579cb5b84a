import { commitImport } from '../../../lib/imports/commit-import';
import { runDryRun } from '../../../lib/imports/run-dry-run';
import { closePgPool } from '../../../lib/db/pg-pool';

// One import step in its own process, so its time and peak memory are its own.
const [step, tenantId, batchId] = process.argv.slice(2);
const started = performance.now();
if (step === 'dry-run') await runDryRun({ tenantId, batchId });
else await commitImport({ tenantId, batchId, actorUserId: null });
const ms = performance.now() - started;
await closePgPool();
console.log(JSON.stringify({ ms, maxRssMb: process.resourceUsage().maxRSS / 1024 }));
