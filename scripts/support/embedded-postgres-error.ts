/**
 * The embedded PostgreSQL could not start for a reason a person can fix; the message
 * says what is wrong and what to do, so launchers print it without a stack trace.
 */
export class EmbeddedPostgresError extends Error {
  override name = 'EmbeddedPostgresError';
}
