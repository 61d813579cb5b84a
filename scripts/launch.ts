import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createRequire } from 'node:module';
import { disconnectDb, db } from '../lib/db/client';
import { provisionDatabase } from './support/provision-database';
import { seedDatabase } from './support/seed-database';
import { env, productionSecretProblem } from '../lib/env';
import { startDailyBackup } from './support/daily-backup';
import { startDrainTimer } from './support/drain-timer';
import packageJson from '../package.json' with { type: 'json' };
import { nextAddress } from './support/next-address';

// Next's own CLI, not through npx: npm does not pass SIGTERM on, so stopping the
// launcher used to leave the server running and holding its port.
const NEXT_BIN = createRequire(import.meta.url).resolve('next/dist/bin/next');

/**
 * Runs `next <command>` on a ready database: DATABASE_URL if set, otherwise the
 * embedded PostgreSQL, migrated and seeded, stopped again when Next exits.
 */
export async function launchNext(command: 'dev' | 'start'): Promise<void> {
  // `next start` runs in production, where the app refuses to sign anything with
  // a missing, public or short secret: say so now rather than fail on every request.
  const secretProblem = command === 'start' ? productionSecretProblem(env().NEXTAUTH_SECRET) : null;
  if (secretProblem) {
    console.error(`${secretProblem} \`npm run dev\` needs none.`);
    process.exit(1);
  }
  if (command === 'start' && !env().EMAIL_SERVER && !env().LOG_SIGN_IN_LINKS)
    console.warn(
      '[sign-in] EMAIL_SERVER is not set: sign-in links cannot be sent. Set it, or LOG_SIGN_IN_LINKS=true to print them to this log.',
    );
  if (command === 'start' && env().TRUSTED_PROXY_HOPS === 0)
    console.warn(
      '[sign-in] TRUSTED_PROXY_HOPS is 0: no X-Forwarded-For is believed, so every visitor shares one per-address sign-in limit. Behind a proxy, set it to the number of proxies.',
    );
  const database = await provisionDatabase();
  process.env.DATABASE_URL = database.url;
  if (database.appliedMigrations.length) console.log(`[db] applied ${database.appliedMigrations.join(', ')}`);
  await seedDatabase(db(), { adminEmail: env().ADMIN_EMAIL });
  await disconnectDb();
  console.log(`[db] ${database.description} ready; sign in as ${env().ADMIN_EMAIL}`);

  const args = process.argv.slice(2);
  const { port, host } = nextAddress(args, process.env.PORT);
  const cronSecret = env().CRON_SECRET ?? randomBytes(24).toString('hex');
  const child = spawn(process.execPath, [NEXT_BIN, command, ...args], {
    stdio: 'inherit',
    env: {
      ...process.env,
      DATABASE_URL: database.url,
      CRON_SECRET: cronSecret,
      // Sign-in links and the simulator's callbacks must reach this server's port.
      NEXTAUTH_URL: process.env.NEXTAUTH_URL || `http://${host ?? 'localhost'}:${port}`,
      NEXT_TELEMETRY_DISABLED: '1',
    },
  });
  // The same routes Vercel cron calls (vercel.json): the send queue, and the inbox's held replies and digests.
  const timers =
    env().DRAIN_INTERVAL_MS > 0
      ? ['/api/cron/send', '/api/cron/background'].map((path) =>
          startDrainTimer({
            url: `http://${host ?? '127.0.0.1'}:${port}${path}`,
            secret: cronSecret,
            intervalMs: env().DRAIN_INTERVAL_MS,
          }),
        )
      : [];
  const stopDrain = () => timers.forEach((stopTimer) => stopTimer());
  const { BACKUP_AT, BACKUP_DIR, BACKUP_KEEP_DAILY } = env();
  const stopBackups =
    command === 'start' && BACKUP_AT
      ? startDailyBackup({
          at: BACKUP_AT,
          databaseUrl: database.url,
          backupDir: BACKUP_DIR,
          keepDaily: BACKUP_KEEP_DAILY,
          app: { name: packageJson.name, version: packageJson.version },
        })
      : () => {};
  const stop = (signal: NodeJS.Signals) => {
    stopDrain();
    stopBackups();
    child.kill(signal);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  const code = await new Promise<number>((resolve) => child.on('exit', (c) => resolve(c ?? 0)));
  stopDrain();
  stopBackups();
  await database.embedded?.stop();
  process.exit(code);
}
