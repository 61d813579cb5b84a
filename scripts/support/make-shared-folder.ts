import { chmod, mkdir } from 'node:fs/promises';
import path from 'node:path';

/**
 * Where the server's binaries and clusters go when the server's user cannot reach the
 * checkout. Under /var/lib rather than the temporary folder: a development database
 * must survive reboots and temporary-file cleaners.
 */
export const SHARED_STATE_ROOT = '/var/lib/sms-crm';

/**
 * `SHARED_STATE_ROOT/<parts…>`, each folder on the way created if missing and open for
 * every user to enter and read (whatever the umask), so the server's user reaches it.
 */
export async function makeSharedFolder(...parts: string[]): Promise<string> {
  let dir = SHARED_STATE_ROOT;
  for (const part of ['', ...parts]) {
    dir = path.join(dir, part);
    await mkdir(dir, { recursive: true });
    await chmod(dir, 0o755);
  }
  return dir;
}
