import { createHash } from 'node:crypto';
import { mkdir, realpath } from 'node:fs/promises';
import path from 'node:path';
import { canServerUserReach } from './can-server-user-reach';
import { EmbeddedPostgresError } from './embedded-postgres-error';
import { makeSharedFolder, SHARED_STATE_ROOT } from './make-shared-folder';
import type { ServerUser } from './resolve-server-user';

export const CHECKOUT_ROOT = path.resolve(import.meta.dirname, '../..');

export interface LocateClusterHomeOptions {
  serverUser: ServerUser | null;
}

/**
 * The folder this checkout's embedded clusters live in: `.data/` in the checkout, or,
 * when the server runs as a user who cannot reach it (a checkout in root's 0700 home),
 * a folder named after the checkout's path under SHARED_STATE_ROOT, found again on
 * every start.
 */
export async function locateClusterHome(options: LocateClusterHomeOptions): Promise<string> {
  const local = path.join(CHECKOUT_ROOT, '.data');
  await mkdir(local, { recursive: true });
  if (canServerUserReach(options.serverUser, local)) return local;
  const checkout = await realpath(CHECKOUT_ROOT);
  const key = `${path.basename(checkout)}-${createHash('sha256').update(checkout).digest('hex').slice(0, 12)}`;
  try {
    return await makeSharedFolder(key);
  } catch (error) {
    throw new EmbeddedPostgresError(
      `The embedded PostgreSQL runs as the user "${options.serverUser?.name}", who cannot enter ${local}, and its data could not go to ` +
        `${path.join(SHARED_STATE_ROOT, key)} instead (${error instanceof Error ? error.message : String(error)}). ` +
        'Move the checkout to a folder every user can enter, run as a user other than root, or set DATABASE_URL to a PostgreSQL of your own.',
    );
  }
}
