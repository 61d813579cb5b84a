import type { ComposedMessage } from '../../messages/compose-message';
import type { CandidateJob, GateDecision, TenantPolicy } from '../gates/gate';
import type { CampaignSetup } from '../load-sending-policies';
import type { ClaimedJob } from './claim-due-jobs';
import type { ReservedLink } from './reserve-short-links';

/**
 * One claimed job on its way through a batch, with its campaign and tenant. Each
 * step of the batch hands the job on with what that step adds, so everything known
 * about a job travels with it and nothing is kept beside it by position.
 */
export interface BatchJob {
  claimed: ClaimedJob;
  /** Null when the campaign is gone. */
  campaign: CampaignSetup | null;
  tenant: TenantPolicy | null;
}

/** A job with the short link its message will carry, reserved before the message is written (and priced). */
export interface LinkedJob extends BatchJob {
  link: ReservedLink | null;
}

/** A job with the message it would send. */
export interface WrittenJob extends LinkedJob {
  /** Null when the campaign has no message to send. */
  message: ComposedMessage | null;
  /** True when the message was written now (not reused from an earlier attempt). */
  freshMessage: boolean;
}

/** A job as the gates saw it, and what they decided: pass (from which number), hold or skip. */
export interface DecidedJob extends WrittenJob {
  candidate: CandidateJob;
  decision: GateDecision;
}
