import { PASS, type Gate, type GateVerdict } from './gate';

/**
 * Gate 3: never message a number on the do-not-contact list, a contact who opted
 * out, or one with no consent on record (the Spam Act needs express or inferred
 * consent). Checked again at send time because a STOP can land after queueing.
 */
export const dncGate: Gate = {
  name: 'dnc',
  check(jobs) {
    return jobs.map((job): GateVerdict => {
      if (job.onDnc || job.optedOut) return { kind: 'skip', reason: 'opted out' };
      if (job.consentStatus === 'UNKNOWN') return { kind: 'skip', reason: 'no consent on record' };
      return PASS;
    });
  },
};
