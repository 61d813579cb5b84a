import type { MessageFigures } from '../sending/message-figures';

/** Which campaign a figure is about; every report query takes it. */
export interface CampaignScope {
  tenantId: string;
  campaignId: string;
}

/** How long after its message a STOP, web unsubscribe or reply still counts for a campaign. */
export const OPT_OUT_WINDOW_DAYS = 7;

/** The nil UUID the aggregates store for "no template" or "no sending number". */
export const NONE_ID = '00000000-0000-0000-0000-000000000000';

export type JobState = 'QUEUED' | 'SENDING' | 'SENT' | 'DELIVERED' | 'FAILED' | 'UNDELIVERED' | 'SKIPPED';

/** Jobs alike in everything a report groups them by. */
export interface JobCount {
  templateId: string | null;
  sendingNumberId: string | null;
  state: JobState;
  /** The provider took it: what "sent" counts. */
  handed: boolean;
  /** Queued but held by a gate, not waiting for a retry. */
  held: boolean;
  errorCode: string | null;
  retried: boolean;
  jobs: number;
  parts: number;
  costMicros: number;
}

export interface ClickCount {
  templateId: string | null;
  humanClicks: number;
  botClicks: number;
  /** Recipients who opened their link as a person. */
  people: number;
}

/** A quarter hour of the campaign (UTC), folded into the workspace's hours or days by the timeline. */
export interface TimelineCount {
  at: Date;
  sends: number;
  deliveries: number;
  clicks: number;
}

export interface RegionCount {
  timeZone: string | null;
  state: string | null;
  postcode: string | null;
  foreign: boolean;
  sent: number;
  delivered: number;
  failedAfterSending: number;
  clicked: number;
}

/** People whose opt-out or reply the campaign takes the credit for, by message, first source and quarter hour. */
export interface AttributionCount {
  kind: 'opt_out' | 'reply';
  templateId: string | null;
  source: string;
  at: Date;
  people: number;
  events: number;
}

/** Everything a campaign's report, progress and lists are read from. */
export interface CampaignStats {
  jobs: JobCount[];
  clicks: ClickCount[];
  /** Unique visitors who opened the campaign's links as people (a salted daily hash of address and browser). */
  visitors: number;
  timeline: TimelineCount[];
  regions: RegionCount[];
  attributions: AttributionCount[];
}

const WAITING = new Set<JobState>(['QUEUED', 'SENDING']);
const FAILED = new Set<JobState>(['FAILED', 'UNDELIVERED']);

/** The shared figures (message-figures.ts) of some of a campaign's job counts. */
export function figuresOf(jobs: readonly JobCount[]): MessageFigures {
  const figures = {
    waiting: 0,
    sent: 0,
    delivered: 0,
    failed: 0,
    failedAfterSending: 0,
    awaitingReport: 0,
    skipped: 0,
  };
  for (const j of jobs) {
    if (WAITING.has(j.state)) figures.waiting += j.jobs;
    if (j.handed) figures.sent += j.jobs;
    if (j.state === 'DELIVERED') figures.delivered += j.jobs;
    if (FAILED.has(j.state)) figures.failed += j.jobs;
    if (FAILED.has(j.state) && j.handed) figures.failedAfterSending += j.jobs;
    if (j.state === 'SENT') figures.awaitingReport += j.jobs;
    if (j.state === 'SKIPPED') figures.skipped += j.jobs;
  }
  return figures;
}

/** How many jobs the counts are of. */
export const jobsIn = (jobs: readonly JobCount[]) => jobs.reduce((n, j) => n + j.jobs, 0);

/** What the provider was paid for the counted jobs' messages, and their parts. */
export function spendOf(jobs: readonly JobCount[]): { costMicros: number; parts: number } {
  return jobs
    .filter((j) => j.handed)
    .reduce((sum, j) => ({ costMicros: sum.costMicros + j.costMicros, parts: sum.parts + j.parts }), {
      costMicros: 0,
      parts: 0,
    });
}

export const isFailedState = (state: JobState) => FAILED.has(state);
