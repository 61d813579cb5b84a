import path from 'node:path';

export const ADMIN = 'admin@example.com';

/**
 * The admin's signed-in browser state, written once per run by admin-session.setup.ts.
 * Sign-in allows five links per address in 15 minutes, so the tests that only need
 * to act as the admin reuse one session; sign-in.spec.ts tests signing in itself.
 */
export const ADMIN_SESSION = path.join(
  process.env.TEST_RESULTS_DIR ?? path.resolve(import.meta.dirname, '../../../test-results'),
  'admin-session.json',
);
