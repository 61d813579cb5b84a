import { commitImport } from '../../lib/imports/commit-import';

// Runs a commit in its own process so a test can kill it (SIGKILL) part way.
const [tenantId, batchId, chunkRows] = process.argv.slice(2);
await commitImport({ tenantId, batchId, actorUserId: null, chunkRows: Number(chunkRows) });
process.exit(0);
