// `npm run pilot:report -- <campaign id>`: the pilot's Go/No-Go from the database (docs/CUTOVER.md).
// Exits 0 on go, 1 on no-go.
import { closePgPool, pgPool } from '../lib/db/pg-pool';
import { AppError } from '../lib/errors';
import { pilotReport } from '../lib/operations/pilot/pilot-report';
import { openDatabase } from './support/open-database';
import { reportStartupFailure } from './support/report-startup-failure';

const campaignId = process.argv[2];
if (!campaignId || !/^[0-9a-f-]{36}$/i.test(campaignId)) {
  console.error('Usage: npm run pilot:report -- <campaign id> (the id is in the campaign page address)');
  process.exit(2);
}
const database = await openDatabase().catch(reportStartupFailure);
process.env.DATABASE_URL = database.url;
try {
  const { rows } = await pgPool().query<{ tenantId: string }>('SELECT "tenantId" FROM campaigns WHERE id = $1::uuid', [
    campaignId,
  ]);
  if (!rows[0]) throw new AppError('not_found', `No campaign has the id ${campaignId}.`);
  const report = await pilotReport({ tenantId: rows[0].tenantId, campaignId });
  console.log(`Pilot report for “${report.campaignName}”`);
  for (const check of report.checks) console.log(`${check.pass ? 'GREEN' : 'RED  '}  ${check.name}: ${check.figure}`);
  console.log(report.go ? 'GO: every check is green.' : 'NO-GO: fix what is red and run another pilot.');
  process.exitCode = report.go ? 0 : 1;
} catch (error) {
  if (!(error instanceof AppError)) throw error;
  console.error(error.message);
  process.exitCode = 2;
} finally {
  await closePgPool();
  await database.embedded?.stop();
}
