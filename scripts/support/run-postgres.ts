import { spawn } from 'node:child_process';
import type { PostgresBinaries } from './locate-postgres-binaries';
import type { ServerUser } from './resolve-server-user';

export interface RunPostgresOptions {
  binaries: PostgresBinaries;
  dataDir: string;
  port: number;
  serverUser: ServerUser | null;
  settings: Record<string, string>;
}

export interface RunningPostgres {
  stop(): Promise<void>;
}

/** Why the server ended before it was ready: its last lines, which name the cause. */
export class PostgresExitedError extends Error {
  override name = 'PostgresExitedError';
  constructor(readonly log: string[]) {
    super(`PostgreSQL stopped before it was ready:\n${log.join('\n')}`);
  }
}

const READY = 'database system is ready to accept connections';
const KEPT_LINES = 30;

/**
 * Starts `postgres` on the cluster and resolves once it accepts connections. The
 * server is this process's child: it is asked to shut down when this process exits,
 * so a launcher that dies leaves no server behind.
 */
export function runPostgres(options: RunPostgresOptions): Promise<RunningPostgres> {
  const settings = Object.entries(options.settings).flatMap(([name, value]) => ['-c', `${name}=${value}`]);
  const child = spawn(options.binaries.postgres, ['-D', options.dataDir, '-p', String(options.port), ...settings], {
    ...(options.serverUser ? { uid: options.serverUser.uid, gid: options.serverUser.gid } : {}),
    // The ready line is matched in English whatever the machine's language.
    env: { ...process.env, LC_ALL: 'C' },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  const log: string[] = [];
  let ready = false;
  const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
  const stopOnExit = () => child.kill('SIGINT');
  process.on('exit', stopOnExit);
  exited.then(() => process.off('exit', stopOnExit));

  return new Promise((resolve, reject) => {
    let pending = '';
    child.stderr.on('data', (chunk: Buffer) => {
      pending += chunk.toString();
      const lines = pending.split('\n');
      pending = lines.pop() ?? '';
      log.push(...lines.filter((line) => line.trim()));
      log.splice(0, Math.max(0, log.length - KEPT_LINES));
      if (!ready && lines.some((line) => line.includes(READY))) {
        ready = true;
        resolve({
          stop: async () => {
            child.kill('SIGINT');
            await exited;
          },
        });
      }
    });
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (!ready) reject(new PostgresExitedError(log));
      else if (code !== 0 && signal !== 'SIGINT')
        console.error(`[postgres] the embedded server stopped (${signal ?? `exit code ${code}`}):\n${log.join('\n')}`);
    });
  });
}
