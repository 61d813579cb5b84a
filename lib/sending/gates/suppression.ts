import { PASS, type Gate, type GateVerdict } from './gate';

/**
 * Gate 4: numbers suppressed for a while — one that bounced as invalid or
 * unreachable, or one staff suppressed after a complaint — are skipped until the
 * suppression window (90 days by default) ends.
 */
export const suppressionGate: Gate = {
  name: 'suppression',
  check(jobs, { now }) {
    return jobs.map((job): GateVerdict =>
      job.suppressedUntil && job.suppressedUntil > now
        ? {
            kind: 'skip',
            reason: `suppressed until ${job.suppressedUntil.toISOString().slice(0, 10)}${job.suppressionReason ? `: ${job.suppressionReason}` : ''}`,
          }
        : PASS,
    );
  },
};
