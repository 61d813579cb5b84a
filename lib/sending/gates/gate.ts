import type { ConsentStatus, CampaignStatus, SenderKind } from '../../generated/prisma/enums';
import type { RateLimitStore } from '../../rate-limit/store';
import type { QuietHours } from '../quiet-hours-until';
import type { FrequencyLedger } from '../frequency-ledger';
import type { UsageLedger } from '../usage-ledger';

export type GateName =
  'pause' | 'budget' | 'dnc' | 'suppression' | 'frequency_cap' | 'quiet_hours' | 'rate_limit' | 'warm_up';

/**
 * A gate lets a job through, holds it until a time, or skips it for good — always
 * saying why. A gate that chooses something for the job says so in its pass
 * verdict; the pipeline shows the choice to later gates and puts it in the decision.
 */
export type GateVerdict = PassVerdict | HoldVerdict | SkipVerdict;

export interface PassVerdict {
  kind: 'pass';
  /** The number to send from, chosen by the rate-limit gate among the campaign's numbers with room. */
  sendingNumberId?: string;
}

export interface HoldVerdict {
  kind: 'hold';
  until: Date;
  reason: string;
}

export interface SkipVerdict {
  kind: 'skip';
  reason: string;
}

export const PASS: PassVerdict = { kind: 'pass' };

/** A held job waits here until someone resumes its campaign or lifts the kill switch. */
export const HELD_UNTIL_RESUMED = new Date('9999-12-31T00:00:00.000Z');

/** A job on its way through the gates, with everything they look at. */
export interface CandidateJob {
  id: bigint;
  tenantId: string;
  campaignId: string;
  toE164: string;
  consentStatus: ConsentStatus;
  optedOut: boolean;
  onDnc: boolean;
  suppressedUntil: Date | null;
  suppressionReason: string | null;
  /** Zones whose quiet hours apply; several for an Australian contact whose location is unknown. */
  zones: readonly string[];
  costMicros: number;
}

/** A job as a gate sees it: the candidate, and what earlier gates chose for it. */
export interface GateJob extends Readonly<CandidateJob> {
  /** Null until the rate-limit gate has chosen it. */
  readonly sendingNumberId: string | null;
}

/** What the gates decided for one job. */
export interface GateDecision {
  /** The gate that held or skipped the job; null when every gate passed it. */
  gate: GateName | null;
  verdict: GateVerdict;
  /** The number to send from, for a job every gate passed; null for one held or skipped. */
  sendingNumberId: string | null;
}

export interface SendingNumberPolicy {
  id: string;
  value: string;
  kind: SenderKind;
  warmupStartedAt: Date;
  dailyCap: number;
  messagingServiceSid: string | null;
}

export interface TenantPolicy {
  tenantId: string;
  paused: boolean;
  pausedReason: string | null;
  timeZone: string;
  quietHours: QuietHours;
  tenantRatePerMinute: number;
  numberRatePerMinute: number;
  dailyBudgetMicros: number | null;
  monthlyBudgetMicros: number | null;
  /** At most this many marketing messages per person per window; null when the workspace has no cap. */
  frequencyCap: FrequencyCap | null;
}

export interface FrequencyCap {
  messages: number;
  hours: number;
}

export interface CampaignPolicy {
  id: string;
  tenantId: string;
  name: string;
  status: CampaignStatus;
  numbers: SendingNumberPolicy[];
}

export interface GateContext {
  now: Date;
  tenants: ReadonlyMap<string, TenantPolicy>;
  campaigns: ReadonlyMap<string, CampaignPolicy>;
  rateLimits: RateLimitStore;
  usage: UsageLedger;
  frequency: FrequencyLedger;
}

export interface Gate {
  readonly name: GateName;
  /**
   * One verdict per job, in the same order; only jobs every earlier gate passed
   * arrive here. A gate never writes into the jobs: what it decides is in its verdicts.
   */
  check(jobs: readonly GateJob[], context: GateContext): Promise<GateVerdict[]> | GateVerdict[];
}

/** Groups jobs by a key, keeping each job's position in the batch. */
export function groupBy<K>(jobs: readonly GateJob[], key: (job: GateJob) => K): Map<K, number[]> {
  const groups = new Map<K, number[]>();
  jobs.forEach((job, index) => {
    const k = key(job);
    const list = groups.get(k);
    if (list) list.push(index);
    else groups.set(k, [index]);
  });
  return groups;
}
