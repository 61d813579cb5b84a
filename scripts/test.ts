import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { db, disconnectDb } from '../lib/db/client';
import { createDatabase, dropDatabase } from './support/embedded-postgres';
import { seedDatabase } from './support/seed-database';
import { ensureBuilt } from './support/next-build';
import { createMigratedTemplate, openScratchServer } from './support/scratch-postgres';
import { freePort } from './support/free-port';

// `npm test`: unit and integration tests (vitest) then end-to-end tests
// (Playwright against the app as `npm start` runs it), all on a real PostgreSQL — DATABASE_URL's
// server when set, otherwise a throwaway embedded one. Ends with `N passed, N failed`.

const ROOT = path.resolve(import.meta.dirname, '..');
// Each run keeps its reports apart, so runs side by side never clobber each other.
const RESULTS = path.join(ROOT, 'test-results', `run-${process.pid}`);
const only = process.argv[2] as 'vitest' | 'e2e' | undefined;

function run(command: string, args: string[], env: Record<string, string>): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: ROOT, stdio: 'inherit', env: { ...process.env, ...env } });
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

interface Tally {
  passed: number;
  failed: number;
  skipped: number;
}

function vitestTally(file: string): Tally | null {
  if (!existsSync(file)) return null;
  const report = JSON.parse(readFileSync(file, 'utf8')) as {
    numPassedTests: number;
    numFailedTests: number;
    numPendingTests: number;
    numTodoTests: number;
    testResults: { status: string; assertionResults: unknown[] }[];
  };
  // A file that fails to load has no assertions but must still count as a failure.
  const brokenFiles = report.testResults.filter((f) => f.status === 'failed' && f.assertionResults.length === 0).length;
  return {
    passed: report.numPassedTests,
    failed: report.numFailedTests + brokenFiles,
    skipped: report.numPendingTests + report.numTodoTests,
  };
}

function playwrightTally(file: string): Tally | null {
  if (!existsSync(file)) return null;
  const report = JSON.parse(readFileSync(file, 'utf8')) as {
    stats: { expected: number; unexpected: number; flaky: number; skipped: number };
    errors?: unknown[];
  };
  return {
    passed: report.stats.expected + report.stats.flaky,
    failed: report.stats.unexpected + (report.errors?.length ?? 0),
    skipped: report.stats.skipped,
  };
}

async function main(): Promise<number> {
  await rm(RESULTS, { recursive: true, force: true });
  await mkdir(RESULTS, { recursive: true });

  const server = await openScratchServer({
    name: 'postgres-test',
    portVariable: 'EMBEDDED_PG_TEST_PORT',
    defaultPort: 54339,
  });
  const { adminUrl } = server;
  console.log(
    server.embedded ? '[test] embedded PostgreSQL for tests' : `[test] PostgreSQL at ${new URL(adminUrl).host}`,
  );

  const template = `crm_template_${process.pid}`;
  const e2eDatabase = `crm_e2e_${process.pid}`;
  const tallies: Tally[] = [];
  try {
    await createMigratedTemplate(adminUrl, template);
    const shared = {
      TEST_RESULTS_DIR: RESULTS,
      TEST_DB_ADMIN_URL: adminUrl,
      TEST_DB_TEMPLATE: template,
      DATABASE_URL: '',
      NODE_ENV: 'test',
      NEXT_TELEMETRY_DISABLED: '1',
    };

    if (only !== 'e2e') {
      const vitestReport = path.join(RESULTS, 'vitest.json');
      const code = await run(
        'npx',
        [
          'vitest',
          'run',
          '--reporter=default',
          '--reporter=json',
          `--outputFile.json=${vitestReport}`,
          ...process.argv.slice(3),
        ],
        shared,
      );
      const tally = vitestTally(vitestReport) ?? { passed: 0, failed: 1, skipped: 0 };
      if (code !== 0 && tally.failed === 0) tally.failed = 1;
      tallies.push(tally);
    }

    if (only !== 'vitest') {
      ensureBuilt();
      const url = await createDatabase(adminUrl, e2eDatabase, template);
      process.env.DATABASE_URL = url;
      await seedDatabase(db(), { adminEmail: 'admin@example.com' });
      await disconnectDb();
      const playwrightReport = path.join(RESULTS, 'playwright.json');
      // Playwright matches a filter against the whole path; anchored to the spec's own name,
      // "inbox" means tests/e2e/inbox.spec.ts, not every spec in a checkout called wt-inbox.
      const filters = only === 'e2e' ? process.argv.slice(3).map((f) => `tests/e2e/[^/]*${f}`) : [];
      const code = await run('npx', ['playwright', 'test', ...filters], {
        ...shared,
        E2E_DATABASE_URL: url,
        E2E_PORT: String(await freePort()),
        SMTP_SINK_PORT: String(await freePort()),
        PLAYWRIGHT_JSON_OUTPUT_NAME: playwrightReport,
      });
      const tally = playwrightTally(playwrightReport) ?? { passed: 0, failed: 1, skipped: 0 };
      if (code !== 0 && tally.failed === 0) tally.failed = 1;
      tallies.push(tally);
    }
  } catch (error) {
    console.error(`[test] ${error instanceof Error ? error.message : String(error)}`);
    tallies.push({ passed: 0, failed: 1, skipped: 0 });
  } finally {
    await dropDatabase(adminUrl, e2eDatabase).catch(() => {});
    await dropDatabase(adminUrl, template).catch(() => {});
    await server.stop();
  }

  const total = tallies.reduce(
    (a, t) => ({ passed: a.passed + t.passed, failed: a.failed + t.failed, skipped: a.skipped + t.skipped }),
    { passed: 0, failed: 0, skipped: 0 },
  );
  // A failed run keeps its reports and traces; KEEP_TEST_RESULTS keeps a passing run's screenshots too.
  if (total.failed === 0 && !process.env.KEEP_TEST_RESULTS) await rm(RESULTS, { recursive: true, force: true });
  else console.log(`[test] reports and screenshots are in ${path.relative(ROOT, RESULTS)}`);
  if (total.skipped) console.log(`${total.skipped} skipped`);
  console.log(`${total.passed} passed, ${total.failed} failed`);
  return total.failed > 0 ? 1 : 0;
}

process.exit(await main());
