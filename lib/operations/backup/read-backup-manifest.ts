import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { AppError } from '../../errors';
import { BackupManifestSchema, MANIFEST_FILE, type BackupManifest } from './backup-manifest';

/** The manifest of the backup folder at `location`, or a sentence saying why it is not a backup. */
export async function readBackupManifest(location: string): Promise<BackupManifest> {
  const text = await readFile(path.join(location, MANIFEST_FILE), 'utf8').catch(() => null);
  if (text === null)
    throw new AppError('invalid', `${location} is not a backup: it has no ${MANIFEST_FILE} (an unfinished backup?).`);
  const parsed = BackupManifestSchema.safeParse(JSON.parse(text));
  if (!parsed.success) throw new AppError('invalid', `${location}/${MANIFEST_FILE} is not a manifest this app reads.`);
  return parsed.data;
}
