import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { disconnectDb, db } from '../lib/db/client';
import { provisionDatabase } from '../lib/db/provision';
import { seedDatabase } from '../lib/db/seed';
import { env } from '../lib/env';
import { startDrainTimer } from './support/drain-timer';

function portFromArgs(args: string[]): number {
  const at = args.findIndex((a) => a === '-p' || a === '--port');
  return Number(at >= 0 ? args[at + 1] : process.env.PORT ?? 3000);
}

/**
 * Runs `next <command>` on a ready database: DATABASE_URL if set, otherwise the
 * embedded PostgreSQL, migrated and seeded, stopped again when Next exits.
 */
export async function launchNext(command: 'dev' | 'start'): Promise<void> {
  const database = await provisionDatabase();
  process.env.DATABASE_URL = database.url;
  if (database.appliedMigrations.length) console.log(`[db] applied ${database.appliedMigrations.join(', ')}`);
  await seedDatabase(db(), { adminEmail: env().ADMIN_EMAIL });
  await disconnectDb();
  console.log(`[db] ${database.embedded ? 'embedded PostgreSQL under .data/postgres' : 'DATABASE_URL'} ready; sign in as ${env().ADMIN_EMAIL}`);

  const args = process.argv.slice(2);
  const port = portFromArgs(args);
  const cronSecret = env().CRON_SECRET ?? randomBytes(24).toString('hex');
  const child = spawn('npx', ['next', command, ...args], {
    stdio: 'inherit',
    env: {
      ...process.env,
      DATABASE_URL: database.url,
      CRON_SECRET: cronSecret,
      // Sign-in links and the simulator's callbacks must reach this server's port.
      NEXTAUTH_URL: process.env.NEXTAUTH_URL || `http://localhost:${port}`,
      NEXT_TELEMETRY_DISABLED: '1',
    },
  });
  const stopDrain = env().DRAIN_INTERVAL_MS > 0
    ? startDrainTimer({ url: `http://127.0.0.1:${port}/api/cron/send`, secret: cronSecret, intervalMs: env().DRAIN_INTERVAL_MS })
    : () => {};
  const stop = (signal: NodeJS.Signals) => {
    stopDrain();
    child.kill(signal);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  const code = await new Promise<number>((resolve) => child.on('exit', (c) => resolve(c ?? 0)));
  stopDrain();
  await database.embedded?.stop();
  process.exit(code);
}
