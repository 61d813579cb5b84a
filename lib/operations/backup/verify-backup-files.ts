import { createReadStream } from 'node:fs';
import path from 'node:path';
import { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGunzip } from 'node:zlib';
import type { BackupManifest } from './backup-manifest';
import { RowSetChecksum } from './row-set-checksum';

export interface BackupFilesVerification {
  verified: boolean;
  /** One sentence per table whose file does not give the manifest's rows. */
  problems: string[];
}

async function checksumFile(file: string): Promise<RowSetChecksum> {
  const checksum = new RowSetChecksum();
  await pipeline(
    createReadStream(file),
    createGunzip(),
    new Writable({
      write(chunk: Buffer, _encoding, done) {
        checksum.update(chunk);
        done();
      },
    }),
  );
  return checksum;
}

/** Reads every table file of a backup back and compares its rows with the manifest. */
export async function verifyBackupFiles(location: string, manifest: BackupManifest): Promise<BackupFilesVerification> {
  const problems: string[] = [];
  for (const table of manifest.tables) {
    try {
      const checksum = await checksumFile(path.join(location, table.file));
      const digest = checksum.digest();
      if (checksum.rows !== table.rows || digest !== table.checksum)
        problems.push(
          `${table.name}: the file holds ${checksum.rows} rows (${digest}), the manifest says ${table.rows}.`,
        );
    } catch (error) {
      problems.push(`${table.name}: ${(error as Error).message}`);
    }
  }
  return { verified: problems.length === 0, problems };
}
