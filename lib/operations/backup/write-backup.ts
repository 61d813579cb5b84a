import { createWriteStream } from 'node:fs';
import { mkdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import { to as copyTo } from 'pg-copy-streams';
import { BACKUP_FORMAT, MANIFEST_FILE, type BackupManifest, type BackupTable } from './backup-manifest';
import { openBackupConnection } from './backup-connection';
import { quoteIdent, readBackupTables } from './read-backup-tables';
import { RowSetChecksum } from './row-set-checksum';

export interface WriteBackupOptions {
  databaseUrl: string;
  /** BACKUP_DIR: the backup becomes a folder of its own inside it. */
  backupDir: string;
  app: { name: string; version: string };
  /** For the folder's name; tests pass their own. */
  now?: Date;
  /**
   * Called with the backup's exported snapshot before any table is read, for a caller
   * that must see the same instant on another connection (`SET TRANSACTION SNAPSHOT`):
   * a restore drill compares the restored rows with it.
   */
  onSnapshot?: (snapshotId: string) => Promise<void>;
}

export interface WrittenBackup {
  name: string;
  location: string;
  manifest: BackupManifest;
  sizeBytes: number;
}

export function backupName(at: Date): string {
  return `sms-crm-${at
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z')}`;
}

/**
 * A logical backup of the whole database as of one instant: every table is read with
 * COPY inside one REPEATABLE READ, READ ONLY transaction, so rows the app commits
 * meanwhile (a drain, a webhook) appear in no table or consistently in all. It needs
 * no pg_dump, whose version must match the server's. Each table's rows go gzip-compressed
 * into their own file while their count and checksum are taken; the manifest is written
 * last, and the folder gets its final name only once it is whole.
 */
export async function writeBackup(options: WriteBackupOptions): Promise<WrittenBackup> {
  const startedAt = options.now ?? new Date();
  const name = backupName(startedAt);
  const location = path.join(options.backupDir, name);
  const partial = `${location}.partial`;
  await rm(partial, { recursive: true, force: true });
  await mkdir(path.join(partial, 'tables'), { recursive: true });

  const client = await openBackupConnection(options.databaseUrl);
  try {
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY');
    const snapshot = await client.query<{ at: Date; server: string }>(
      `SELECT now() AS at, current_setting('server_version') AS server`,
    );
    const migrations = await client.query<{ name: string }>(
      `SELECT migration_name AS name FROM _prisma_migrations
       WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL ORDER BY migration_name`,
    );
    const { tables, sequences } = await readBackupTables(client);
    if (options.onSnapshot) {
      const exported = await client.query<{ id: string }>('SELECT pg_export_snapshot() AS id');
      await options.onSnapshot(exported.rows[0].id);
    }

    const written: BackupTable[] = [];
    for (const table of tables) {
      const file = `tables/${table.name}.copy.gz`;
      const checksum = new RowSetChecksum();
      const columns = table.columns.map(quoteIdent).join(', ');
      const source = client.query(copyTo(`COPY ${quoteIdent(table.name)} (${columns}) TO STDOUT`));
      const tap = new Transform({
        transform(chunk: Buffer, _encoding, done) {
          checksum.update(chunk);
          done(null, chunk);
        },
      });
      await pipeline(source, tap, createGzip({ level: 6 }), createWriteStream(path.join(partial, file)));
      const digest = checksum.digest();
      const { size } = await stat(path.join(partial, file));
      written.push({
        name: table.name,
        columns: table.columns,
        file,
        rows: checksum.rows,
        checksum: digest,
        bytes: size,
      });
    }

    const sequenceValues = [];
    for (const sequence of sequences) {
      const { rows } = await client.query<{ last_value: string; is_called: boolean }>(
        `SELECT last_value::text, is_called FROM ${quoteIdent(sequence.name)}`,
      );
      sequenceValues.push({ name: sequence.name, lastValue: rows[0].last_value, isCalled: rows[0].is_called });
    }
    await client.query('COMMIT');

    const names = migrations.rows.map((m) => m.name);
    const manifest: BackupManifest = {
      format: BACKUP_FORMAT,
      app: options.app,
      schemaVersion: names.at(-1) ?? 'none',
      migrations: names,
      serverVersion: snapshot.rows[0].server,
      snapshotAt: snapshot.rows[0].at.toISOString(),
      startedAt: startedAt.toISOString(),
      finishedAt: new Date().toISOString(),
      tables: written,
      sequences: sequenceValues,
    };
    await writeFile(path.join(partial, MANIFEST_FILE), `${JSON.stringify(manifest, null, 2)}\n`);
    await rename(partial, location);
    const sizeBytes = written.reduce((sum, t) => sum + t.bytes, 0);
    return { name, location, manifest, sizeBytes };
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {});
    await rm(partial, { recursive: true, force: true });
    throw error;
  } finally {
    await client.end();
  }
}
