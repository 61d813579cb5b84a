import { execFileSync } from 'node:child_process';
import { EmbeddedPostgresError } from './embedded-postgres-error';

export interface ServerUser {
  name: string;
  uid: number;
  gid: number;
}

const SERVER_USER = 'postgres';
/** groupadd's exit status when the group exists already. */
const GROUP_EXISTS = 9;

function lookUp(name: string): ServerUser | null {
  try {
    const id = (flag: string) => Number(execFileSync('id', [flag, name], { encoding: 'utf8', stdio: 'pipe' }).trim());
    return { name, uid: id('-u'), gid: id('-g') };
  } catch {
    return null;
  }
}

function exitStatus(error: unknown): number | null {
  return typeof error === 'object' && error !== null && 'status' in error ? (error.status as number | null) : null;
}

function create(name: string): ServerUser {
  try {
    try {
      execFileSync('groupadd', ['--system', name], { stdio: 'pipe' });
    } catch (error) {
      if (exitStatus(error) !== GROUP_EXISTS) throw error;
    }
    execFileSync('useradd', ['--system', '--gid', name, '--no-create-home', name], { stdio: 'pipe' });
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw new EmbeddedPostgresError(
      `PostgreSQL does not run as root, so the embedded server runs as the user "${name}", which does not exist and could not be created (${detail.trim()}). ` +
        `Create it (useradd --system ${name}), run as another user, or set DATABASE_URL to a PostgreSQL of your own.`,
    );
  }
  const user = lookUp(name);
  if (!user) throw new EmbeddedPostgresError(`The user "${name}" was created but cannot be found; try again.`);
  return user;
}

/**
 * Who the embedded server runs as: the launcher's own user (null), or, as PostgreSQL
 * refuses to run as root, `postgres`, created on a machine that has none (a fresh container).
 */
export function resolveServerUser(): ServerUser | null {
  if (process.getuid?.() !== 0) return null;
  return lookUp(SERVER_USER) ?? create(SERVER_USER);
}
