import { spawn } from 'node:child_process';
import { disconnectDb, db } from '../lib/db/client';
import { provisionDatabase } from '../lib/db/provision';
import { seedDatabase } from '../lib/db/seed';
import { env } from '../lib/env';

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

  const child = spawn('npx', ['next', command, ...process.argv.slice(2)], {
    stdio: 'inherit',
    env: { ...process.env, DATABASE_URL: database.url, NEXT_TELEMETRY_DISABLED: '1' },
  });
  const stop = (signal: NodeJS.Signals) => child.kill(signal);
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  const code = await new Promise<number>((resolve) => child.on('exit', (c) => resolve(c ?? 0)));
  await database.embedded?.stop();
  process.exit(code);
}
