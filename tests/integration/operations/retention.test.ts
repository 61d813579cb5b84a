import { describe, expect, it } from 'vitest';
import { db } from '@/lib/db/client';
import { pgPool } from '@/lib/db/pg-pool';
import { pruneFinishedCampaigns } from '@/lib/operations/retention/prune-finished-campaigns';
import { campaignReport } from '@/lib/reports/campaign-report';
import { buildDrillContent } from '../../support/drill-content';
import { signedInMember } from '../../support/fixtures';
import { actorFor } from '../../support/import-fixtures';

describe('job and click retention', () => {
  it('folds a campaign finished more than JOB_RETENTION_DAYS ago into its totals, removes its rows, and reports the same', async () => {
    const content = await buildDrillContent();
    const viewer = await actorFor(await signedInMember(content.tenantId, 'VIEWER'), 'VIEWER');
    const before = await campaignReport({ actor: viewer });
    const runningJobs = await db().sendJob.count({ where: { campaignId: content.runningCampaignId } });

    // Finished 89 days ago: still inside retention.
    const finishedAgo = (days: number) =>
      pgPool().query(`UPDATE campaigns SET "completedAt" = now() - make_interval(days => $2) WHERE id = $1::uuid`, [
        content.finishedCampaignId,
        days,
      ]);
    await finishedAgo(89);
    expect(await pruneFinishedCampaigns({ retentionDays: 90, limit: 10 })).toEqual([]);

    await finishedAgo(91);
    const jobs = await db().sendJob.count({ where: { campaignId: content.finishedCampaignId } });
    const clicks = await db().click.count({ where: { campaignId: content.finishedCampaignId } });
    expect(jobs).toBeGreaterThan(0);
    expect(clicks).toBeGreaterThan(0);
    expect(await pruneFinishedCampaigns({ retentionDays: 90, limit: 10 })).toEqual([
      { campaignId: content.finishedCampaignId, jobs, clicks },
    ]);

    expect(await db().sendJob.count({ where: { campaignId: content.finishedCampaignId } })).toBe(0);
    expect(await db().click.count({ where: { campaignId: content.finishedCampaignId } })).toBe(0);
    expect(await db().shortLink.count({ where: { campaignId: content.finishedCampaignId } })).toBe(0);
    expect(await db().sendJob.count({ where: { campaignId: content.runningCampaignId } })).toBe(runningJobs);
    // The spend stays in the ledger, and the report reads the same figures from the totals.
    expect(await db().spendLedgerEntry.count({ where: { tenantId: content.tenantId } })).toBeGreaterThan(0);
    expect(await campaignReport({ actor: viewer })).toEqual(before);
    expect(await pruneFinishedCampaigns({ retentionDays: 90, limit: 10 })).toEqual([]);
  });
});
