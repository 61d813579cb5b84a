// `npm run db:restore -- <backup> [--yes] [--force] [--database <name>]`: a backup of
// `npm run db:backup` into DATABASE_URL (or the embedded database), verified against its manifest.
import path from 'node:path';
import { createInterface } from 'node:readline/promises';
import { parseArgs } from 'node:util';
import { formatBytes } from '../lib/format/bytes';
import { formatCount } from '../lib/format/number';
import { AppError } from '../lib/errors';
import { readBackupManifest } from '../lib/operations/backup/read-backup-manifest';
import { restoreBackup } from '../lib/operations/backup/restore-backup';
import { openDatabase } from './support/open-database';
import { reportStartupFailure } from './support/report-startup-failure';
import { applyMigrations, readMigrationList } from './support/schema-engine';

const USAGE = 'Usage: npm run db:restore -- <backup folder> [--yes] [--force] [--database <name>]';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    yes: { type: 'boolean', default: false },
    force: { type: 'boolean', default: false },
    // Another database on the embedded server (created when missing), e.g. to rehearse a restore.
    database: { type: 'string' },
  },
});
if (positionals.length !== 1) {
  console.error(USAGE);
  process.exit(2);
}
const location = path.resolve(positionals[0]);
const manifest = await readBackupManifest(location).catch((error: Error) => {
  console.error(error.message);
  process.exit(2);
});
if (values.database && process.env.DATABASE_URL) {
  console.error('--database names a database of the embedded server; with DATABASE_URL set, point DATABASE_URL at it.');
  process.exit(2);
}

const database = await openDatabase({ database: values.database }).catch(reportStartupFailure);
const rows = manifest.tables.reduce((sum, t) => sum + t.rows, 0);
const size = manifest.tables.reduce((sum, t) => sum + t.bytes, 0);
console.log(
  `backup of ${manifest.snapshotAt} (app ${manifest.app.version}, schema ${manifest.schemaVersion}): ` +
    `${manifest.tables.length} tables, ${formatCount(rows)} rows, ${formatBytes(size)}`,
);

try {
  if (!values.yes) {
    if (!process.stdin.isTTY) {
      console.error(`Restoring replaces ${database.description}; pass --yes to confirm without a terminal.`);
      process.exitCode = 2;
    } else {
      const prompt = createInterface({ input: process.stdin, output: process.stdout });
      const answer = await prompt.question(`Restore it into ${database.description}? Type "restore" to go on: `);
      prompt.close();
      if (answer.trim() !== 'restore') {
        console.log('nothing restored');
        process.exitCode = 1;
      }
    }
  }
  if (process.exitCode === undefined) {
    const knownMigrations = (await readMigrationList()).migrationDirectories.map((m) => m.path);
    const report = await restoreBackup({
      databaseUrl: database.url,
      location,
      force: values.force,
      knownMigrations,
      applyMigrations,
    });
    for (const table of report.tables)
      console.log(`  ${table.verified ? 'ok  ' : 'DIFF'} ${table.name}: ${formatCount(table.rows)} rows`);
    console.log(
      `restored ${formatCount(report.rows)} rows into ${database.description} in ${(report.ms / 1000).toFixed(1)} s` +
        (report.laterMigrations.length ? `; then applied ${report.laterMigrations.join(', ')}` : ''),
    );
    if (!report.verified) {
      console.error(`the restored rows differ from the backup:\n  ${report.problems.join('\n  ')}`);
      process.exitCode = 1;
    } else console.log("verified: every table has the manifest's row count and checksum");
  }
} catch (error) {
  if (!(error instanceof AppError)) throw error;
  console.error(error.message);
  process.exitCode = 1;
} finally {
  await database.embedded?.stop();
}
