/** The limits each readiness item is judged by; docs/OPERATIONS.md explains each. */
export const READINESS_THRESHOLDS = {
  /** A due job waiting this long means the drain is behind (warn) or not draining (fail). */
  oldestDueWarnSeconds: 120,
  oldestDueFailSeconds: 600,
  /** Vercel's cron runs every minute; the local timer every 5 s. */
  drainSilentWarnSeconds: 120,
  /** With jobs due, a drain this quiet has stopped (the alert of the same name). */
  drainSilentFailSeconds: 300,
  /** Messages handed to the provider this long ago with no status callback since mean callbacks are not arriving. */
  callbacksSilentSeconds: 900,
  /** The daily backup is late past this. */
  backupMaxAgeHours: 26,
} as const;
