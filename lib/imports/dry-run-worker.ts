import 'server-only';
import { workerData } from 'node:worker_threads';
import { closePgPool } from '../db/pg-pool';
import { runDryRun, type RunDryRunOptions } from './run-dry-run';

// The thread a dry run runs on (started by runDryRunInWorker). Its pool is its own
// and is closed at the end, so the thread exits once the dry run is done.
const { tenantId, batchId } = workerData as RunDryRunOptions;
void runDryRun({ tenantId, batchId }).finally(closePgPool);
