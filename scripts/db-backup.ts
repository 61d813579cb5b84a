// `npm run db:backup`: a consistent logical backup of DATABASE_URL (or the embedded database) into BACKUP_DIR.
import path from 'node:path';
import { env } from '../lib/env';
import { formatBytes } from '../lib/format/bytes';
import { formatCount } from '../lib/format/number';
import { takeBackup } from '../lib/operations/backup/take-backup';
import packageJson from '../package.json' with { type: 'json' };
import { openDatabase } from './support/open-database';
import { reportStartupFailure } from './support/report-startup-failure';

const database = await openDatabase().catch(reportStartupFailure);
const backupDir = path.resolve(env().BACKUP_DIR);
try {
  const backup = await takeBackup({
    databaseUrl: database.url,
    backupDir,
    keepDaily: env().BACKUP_KEEP_DAILY,
    app: { name: packageJson.name, version: packageJson.version },
  });
  const rows = backup.manifest.tables.reduce((sum, t) => sum + t.rows, 0);
  console.log(
    `backed up ${database.description}: ${backup.manifest.tables.length} tables, ${formatCount(rows)} rows, ` +
      `${formatBytes(backup.sizeBytes)} in ${(backup.ms / 1000).toFixed(1)} s, schema ${backup.manifest.schemaVersion}`,
  );
  console.log(`  ${backup.location}`);
  if (!backup.verified) {
    console.error(`the backup's files do not match its manifest:\n  ${backup.problems.join('\n  ')}`);
    process.exitCode = 1;
  } else console.log(`  verified: every table's file gives the manifest's row count and checksum`);
  if (backup.removed.length) console.log(`  removed older backups: ${backup.removed.join(', ')}`);
} catch (error) {
  console.error(`backup failed: ${(error as Error).message}`);
  process.exitCode = 1;
} finally {
  await database.embedded?.stop();
}
