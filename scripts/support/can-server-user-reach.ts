import { spawnSync } from 'node:child_process';
import type { ServerUser } from './resolve-server-user';

/**
 * Whether the server's user can enter a folder or run a file at this path. Asked of
 * the system as that user, since every folder on the way counts (a 0700 home above a
 * checkout keeps it out however open the checkout itself is).
 */
export function canServerUserReach(user: ServerUser | null, target: string): boolean {
  if (!user) return true;
  return spawnSync('test', ['-x', target], { uid: user.uid, gid: user.gid, stdio: 'ignore' }).status === 0;
}
