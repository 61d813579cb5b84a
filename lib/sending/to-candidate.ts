import { contactQuietZones } from '../contacts/contact-time-zone';
import type { ConsentStatus } from '../generated/prisma/enums';
import type { CandidateJob } from './gates/gate';

/** A send job, claimed from the queue or imagined by a dry run, with what the gates look at about its contact. */
export interface JobForGates {
  id: bigint;
  tenantId: string;
  campaignId: string;
  toE164: string;
  consentStatus: ConsentStatus;
  optedOutAt: Date | null;
  /** The contact's own zone, state and postcode, from which its quiet hours follow. */
  timeZone: string | null;
  state: string | null;
  postcode: string | null;
  onDnc: boolean;
  suppressedUntil: Date | null;
  suppressionReason: string | null;
}

export interface ToCandidateOptions {
  job: JobForGates;
  /** The tenant's zone, for a contact whose own zone cannot be told from its data. */
  tenantTimeZone: string;
  /** What the job's message costs; 0 when it has none. */
  costMicros: number;
}

/** The job as the gates see it; the drain and the dry run both build their candidates here. */
export function toCandidate({ job, tenantTimeZone, costMicros }: ToCandidateOptions): CandidateJob {
  return {
    id: job.id,
    tenantId: job.tenantId,
    campaignId: job.campaignId,
    toE164: job.toE164,
    consentStatus: job.consentStatus,
    optedOut: job.optedOutAt !== null,
    onDnc: job.onDnc,
    suppressedUntil: job.suppressedUntil,
    suppressionReason: job.suppressionReason,
    zones: contactQuietZones(
      { timeZone: job.timeZone, state: job.state, postcode: job.postcode, phoneE164: job.toE164 },
      tenantTimeZone,
    ),
    costMicros,
  };
}
