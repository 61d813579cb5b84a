import { HELD_UNTIL_RESUMED, PASS, type Gate, type GateVerdict } from './gate';

/**
 * Gate 1: the tenant's kill switch and the campaign's own state. Held jobs wait
 * until an admin lifts the switch or staff resume the campaign; a cancelled
 * campaign's jobs are skipped for good.
 */
export const pauseGate: Gate = {
  name: 'pause',
  check(jobs, { tenants, campaigns }) {
    return jobs.map((job): GateVerdict => {
      const tenant = tenants.get(job.tenantId);
      if (!tenant || tenant.paused) {
        return {
          kind: 'hold',
          until: HELD_UNTIL_RESUMED,
          reason: `sending is stopped for the whole workspace${tenant?.pausedReason ? `: ${tenant.pausedReason}` : ''}`,
        };
      }
      const campaign = campaigns.get(job.campaignId);
      if (!campaign || campaign.status === 'CANCELLED') return { kind: 'skip', reason: 'campaign cancelled' };
      if (campaign.status !== 'RUNNING' && campaign.status !== 'SCHEDULED')
        return { kind: 'hold', until: HELD_UNTIL_RESUMED, reason: 'campaign paused' };
      return PASS;
    });
  },
};
