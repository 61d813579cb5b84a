import { defineConfig } from '@playwright/test';

// Run through `npm test`, which prepares a migrated database, free ports and the
// production build. Debian's chromium is used because browsers cannot be downloaded here.
// The app starts through the same launcher as `npm start`, so its drain timer sends
// launched campaigns through the simulator, whose callbacks report them delivered.
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
  projects: [
    { name: 'admin session', testMatch: /admin-session\.setup\.ts$/ },
    { name: 'e2e', dependencies: ['admin session'] },
  ],
  use: {
    baseURL,
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
    trace: 'retain-on-failure',
  },
  webServer: {
    command: `npx tsx --conditions=react-server scripts/start.ts -p ${port} -H 127.0.0.1`,
    url: `${baseURL}/api/health`,
    timeout: 60_000,
    reuseExistingServer: false,
    stdout: 'pipe',
    env: {
      DATABASE_URL: process.env.E2E_DATABASE_URL ?? '',
      NEXTAUTH_URL: baseURL,
      NEXTAUTH_SECRET: 'e2e-secret-that-is-long-enough-for-production',
      EMAIL_SERVER: `smtp://127.0.0.1:${process.env.SMTP_SINK_PORT ?? 2525}`,
      EMAIL_FROM: 'SMS CRM <no-reply@crm.test>',
      CRON_SECRET: 'e2e-cron-secret',
      // Never Twilio, whatever the shell holds; fast enough that a campaign is delivered
      // within seconds, and every message delivered.
      SMS_PROVIDER: 'simulator',
      DRAIN_INTERVAL_MS: '1000',
      SIMULATOR_CALLBACK_DELAY_MS: '300',
      SIMULATOR_FAILURE_RATE: '0',
      // The campaign report test's one recipient whose handset is never reachable.
      SIMULATOR_UNREACHABLE_NUMBERS: '+61416000904',
      NEXT_TELEMETRY_DISABLED: '1',
      // As behind one proxy: requests name their client in X-Forwarded-For, as the
      // proxy would, so the sign-in tests can each stand for a client of their own.
      TRUSTED_PROXY_HOPS: '1',
    },
  },
});
