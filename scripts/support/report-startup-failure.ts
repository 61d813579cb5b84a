import { EmbeddedPostgresError } from './embedded-postgres-error';

/**
 * Ends the process on a start-up problem a person can fix, printing what to do and
 * no stack trace; any other error goes on up, stack and all.
 */
export function reportStartupFailure(error: unknown): never {
  if (!(error instanceof EmbeddedPostgresError)) throw error;
  console.error(`[db] ${error.message}`);
  process.exit(1);
}
