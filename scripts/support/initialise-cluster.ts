import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chown, mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { EmbeddedPostgresError } from './embedded-postgres-error';
import type { PostgresBinaries } from './locate-postgres-binaries';
import type { ServerUser } from './resolve-server-user';

export interface InitialiseClusterOptions {
  binaries: PostgresBinaries;
  dataDir: string;
  serverUser: ServerUser | null;
  user: string;
  password: string;
}

/** Creates a cluster in `dataDir` (initdb), owned by the server's user. */
export async function initialiseCluster(options: InitialiseClusterOptions): Promise<void> {
  const { dataDir, serverUser } = options;
  await mkdir(dataDir, { recursive: true });
  // initdb reads the password from a file; it sits beside the cluster, where the
  // server's user can read it, for as long as initdb runs.
  const passwordFile = path.join(path.dirname(dataDir), `.initdb-password-${randomBytes(6).toString('hex')}`);
  await writeFile(passwordFile, `${options.password}\n`, { mode: 0o600 });
  try {
    if (serverUser) {
      await chown(dataDir, serverUser.uid, serverUser.gid);
      await chown(passwordFile, serverUser.uid, serverUser.gid);
    }
    const output = await new Promise<{ code: number | null; text: string }>((resolve, reject) => {
      const child = spawn(
        options.binaries.initdb,
        [
          `--pgdata=${dataDir}`,
          '--auth=scram-sha-256',
          `--username=${options.user}`,
          `--pwfile=${passwordFile}`,
          '--encoding=UTF8',
          '--locale=C',
        ],
        {
          ...(serverUser ? { uid: serverUser.uid, gid: serverUser.gid } : {}),
          env: { ...process.env, LC_ALL: 'C' },
          stdio: ['ignore', 'pipe', 'pipe'],
        },
      );
      let text = '';
      child.stdout.on('data', (chunk: Buffer) => (text += chunk.toString()));
      child.stderr.on('data', (chunk: Buffer) => (text += chunk.toString()));
      child.on('error', reject);
      child.on('close', (code) => resolve({ code, text }));
    });
    if (output.code !== 0)
      throw new EmbeddedPostgresError(
        `initdb could not create the embedded cluster in ${dataDir}:\n${output.text.trim()}`,
      );
  } finally {
    await rm(passwordFile, { force: true });
  }
}
