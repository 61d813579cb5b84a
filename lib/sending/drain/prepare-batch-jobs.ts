import type { SendingPolicies } from '../load-sending-policies';
import type { BatchJob } from './batch-job';
import type { ClaimedJob } from './claim-due-jobs';

export interface PrepareBatchJobsOptions {
  claimed: readonly ClaimedJob[];
  policies: SendingPolicies;
}

/** Each claimed job beside its campaign's and tenant's policies, in the order claimed. */
export function prepareBatchJobs({ claimed, policies }: PrepareBatchJobsOptions): BatchJob[] {
  return claimed.map((job) => ({
    claimed: job,
    campaign: policies.campaigns.get(job.campaignId) ?? null,
    tenant: policies.tenants.get(job.tenantId) ?? null,
  }));
}
