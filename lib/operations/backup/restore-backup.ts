import { createReadStream } from 'node:fs';
import path from 'node:path';
import { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGunzip } from 'node:zlib';
import { from as copyFrom, to as copyTo } from 'pg-copy-streams';
import { AppError } from '../../errors';
import type { BackupManifest } from './backup-manifest';
import { openBackupConnection } from './backup-connection';
import { quoteIdent } from './read-backup-tables';
import { readBackupManifest } from './read-backup-manifest';
import { readRestoreTarget } from './read-restore-target';
import { RowSetChecksum } from './row-set-checksum';

export interface RestoreBackupOptions {
  databaseUrl: string;
  /** The backup's folder. */
  location: string;
  /** Replace a database that holds rows; without it such a database is refused. */
  force: boolean;
  /** The migrations this code has, in order. */
  knownMigrations: string[];
  /** Applies the named migrations (all of the code's when `only` is absent); returns those applied. */
  applyMigrations: (databaseUrl: string, only?: string[]) => Promise<string[]>;
}

export interface RestoredTable {
  name: string;
  rows: number;
  verified: boolean;
}

export interface RestoreReport {
  manifest: BackupManifest;
  tables: RestoredTable[];
  rows: number;
  /** Migrations of this code newer than the backup, applied after its rows were verified. */
  laterMigrations: string[];
  verified: boolean;
  problems: string[];
  /** Until every row was loaded and every index rebuilt; the rest is verification and later migrations. */
  loadedMs: number;
  ms: number;
}

async function checksumTable(
  client: Awaited<ReturnType<typeof openBackupConnection>>,
  table: BackupManifest['tables'][number],
) {
  const checksum = new RowSetChecksum();
  const columns = table.columns.map(quoteIdent).join(', ');
  await pipeline(
    client.query(copyTo(`COPY ${quoteIdent(table.name)} (${columns}) TO STDOUT`)),
    new Writable({
      write(chunk: Buffer, _encoding, done) {
        checksum.update(chunk);
        done();
      },
    }),
  );
  return { rows: checksum.rows, checksum: checksum.digest() };
}

/**
 * Restores a backup into an empty database (or, with `force`, in place of what it
 * holds): builds the schema the backup was taken at from the same migrations, loads
 * every table in one transaction with its triggers off (the rows already hold what
 * they computed), sets the sequences, compares each table's count and checksum with
 * the manifest, and only then applies the migrations the code has beyond the backup.
 */
export async function restoreBackup(options: RestoreBackupOptions): Promise<RestoreReport> {
  const started = performance.now();
  const manifest = await readBackupManifest(options.location);
  const unknown = manifest.migrations.filter((m) => !options.knownMigrations.includes(m));
  if (unknown.length)
    throw new AppError(
      'invalid',
      `The backup was taken by a newer version of the app (migrations ${unknown.join(', ')} are not in this code). Restore it with that version.`,
    );

  const client = await openBackupConnection(options.databaseUrl);
  try {
    const target = await readRestoreTarget(client);
    if (target.tablesWithRows.length && !options.force)
      throw new AppError(
        'conflict',
        `The database is not empty (${target.tablesWithRows.slice(0, 5).join(', ')}${target.tablesWithRows.length > 5 ? '…' : ''} hold rows). Restore into an empty database, or pass --force to replace its contents.`,
      );
    await client.query('DROP SCHEMA IF EXISTS public CASCADE; CREATE SCHEMA public');
    await options.applyMigrations(options.databaseUrl, manifest.migrations);

    await client.query('BEGIN');
    await client.query(`SET LOCAL maintenance_work_mem = '256MB'`);
    for (const table of manifest.tables) {
      const name = quoteIdent(table.name);
      const columns = table.columns.map(quoteIdent).join(', ');
      // Building an index once over a loaded table is several times faster than keeping it
      // up row by row (the contacts' trigram index most of all). Indexes that back a key
      // stay, so foreign keys are checked as the rows arrive.
      const { rows: indexes } = await client.query<{ name: string; definition: string }>(
        `SELECT i.indexrelid::regclass::text AS name, pg_get_indexdef(i.indexrelid) AS definition
         FROM pg_index i
         WHERE i.indrelid = $1::regclass AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = i.indexrelid)`,
        [name],
      );
      for (const index of indexes) await client.query(`DROP INDEX ${index.name}`);
      await client.query(`ALTER TABLE ${name} DISABLE TRIGGER USER`);
      await pipeline(
        createReadStream(path.join(options.location, table.file)),
        createGunzip(),
        client.query(copyFrom(`COPY ${name} (${columns}) FROM STDIN`)),
      );
      await client.query(`ALTER TABLE ${name} ENABLE TRIGGER USER`);
      for (const index of indexes) await client.query(index.definition);
    }
    for (const sequence of manifest.sequences)
      await client.query('SELECT setval($1::regclass, $2::bigint, $3)', [
        quoteIdent(sequence.name),
        sequence.lastValue,
        sequence.isCalled,
      ]);
    await client.query('COMMIT');
    const loadedMs = Math.round(performance.now() - started);
    await client.query('ANALYZE');

    const problems: string[] = [];
    const tables: RestoredTable[] = [];
    for (const table of manifest.tables) {
      const restored = await checksumTable(client, table);
      const verified = restored.rows === table.rows && restored.checksum === table.checksum;
      if (!verified)
        problems.push(
          `${table.name}: ${restored.rows} rows restored (${restored.checksum}), the backup holds ${table.rows} (${table.checksum}).`,
        );
      tables.push({ name: table.name, rows: restored.rows, verified });
    }
    const laterMigrations = problems.length ? [] : await options.applyMigrations(options.databaseUrl);
    return {
      manifest,
      tables,
      rows: tables.reduce((sum, t) => sum + t.rows, 0),
      laterMigrations,
      verified: problems.length === 0,
      problems,
      loadedMs,
      ms: Math.round(performance.now() - started),
    };
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {});
    throw error;
  } finally {
    await client.end();
  }
}
