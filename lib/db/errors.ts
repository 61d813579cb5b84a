import { AppError } from '../errors';

// PostgreSQL's SQLSTATE for a unique violation.
const UNIQUE_VIOLATION = '23505';

/** A write refused by a unique key (node-postgres reports the SQLSTATE as `code`). */
export function isUniqueViolation(error: unknown): boolean {
  return error instanceof Error && (error as { code?: unknown }).code === UNIQUE_VIOLATION;
}

/** What a caller is told when a unique key refuses a write: 409, the same words wherever it happens. */
export function recordExists(): AppError {
  return new AppError('conflict', 'That record already exists.');
}

/** What a caller is told when the row a write targets has gone (deleted by someone else meanwhile). */
export function recordMissing(): AppError {
  return new AppError('not_found', 'Not found.');
}
