import { defineConfig } from '@playwright/test';

// Run through `npm test`, which prepares a migrated database, free ports and the
// production build. Debian's chromium is used because browsers cannot be downloaded here.
const port = Number(process.env.E2E_PORT ?? 3100);
const baseURL = `http://127.0.0.1:${port}`;

export default defineConfig({
  testDir: 'tests/e2e',
  outputDir: `${process.env.TEST_RESULTS_DIR ?? 'test-results'}/e2e`,
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 30_000,
  reporter: [['list'], ['json']],
  globalSetup: './tests/e2e/support/global-setup.ts',
  use: {
    baseURL,
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    },
    trace: 'retain-on-failure',
  },
  webServer: {
    command: `npx next start -p ${port} -H 127.0.0.1`,
    url: `${baseURL}/api/health`,
    timeout: 60_000,
    reuseExistingServer: false,
    stdout: 'pipe',
    env: {
      DATABASE_URL: process.env.E2E_DATABASE_URL ?? '',
      NEXTAUTH_URL: baseURL,
      NEXTAUTH_SECRET: 'e2e-secret-that-is-long-enough',
      EMAIL_SERVER: `smtp://127.0.0.1:${process.env.SMTP_SINK_PORT ?? 2525}`,
      EMAIL_FROM: 'SMS CRM <no-reply@crm.test>',
      CRON_SECRET: 'e2e-cron-secret',
      NEXT_TELEMETRY_DISABLED: '1',
    },
  },
});
