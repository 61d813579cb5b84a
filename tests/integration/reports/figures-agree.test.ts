import { describe, expect, it } from 'vitest';
import { getCampaignProgress } from '@/lib/campaigns/get-campaign-progress';
import { listCampaigns } from '@/lib/campaigns/list-campaigns';
import { pgPool } from '@/lib/db/pg-pool';
import { postgresRateLimitStore } from '@/lib/rate-limit/postgres-store';
import { campaignReport } from '@/lib/reports/campaign-report';
import { readRecentCampaigns } from '@/lib/reports/read-recent-campaigns';
import { drainSendQueue } from '@/lib/sending/drain/drain-send-queue';
import { signedInMember } from '../../support/fixtures';
import { actorFor } from '../../support/import-fixtures';
import {
  addContacts,
  MIDDAY_SYDNEY,
  recordingProvider,
  runningCampaign,
  sendingNumber,
  sendingTenant,
} from '../../support/sending-fixtures';

describe('one definition of each message figure', () => {
  it('gives the campaign list, its live progress, Reports and the dashboard the same sent, delivered, failed and delivery rate', async () => {
    const tenantId = await sendingTenant();
    const number = await sendingNumber(tenantId);
    await addContacts(tenantId, 6);
    const { campaignId } = await runningCampaign(tenantId, { numberIds: [number.id] });
    await drainSendQueue({
      provider: recordingProvider(),
      rateLimits: postgresRateLimitStore(),
      clock: () => MIDDAY_SYDNEY,
    });
    // Two delivered, one still awaiting its report, one reported undelivered, one refused
    // before the carrier took it, and one skipped by a gate.
    await pgPool().query(
      `WITH ranked AS (SELECT id, row_number() OVER (ORDER BY id) AS n FROM send_jobs WHERE "campaignId" = $1::uuid)
       UPDATE send_jobs j SET
         state = (ARRAY['DELIVERED', 'DELIVERED', 'SENT', 'UNDELIVERED', 'FAILED', 'SKIPPED'])[r.n]::"SendJobState",
         "providerMessageId" = CASE WHEN r.n <= 4 THEN j."providerMessageId" END
       FROM ranked r WHERE r.id = j.id`,
      [campaignId],
    );
    const actor = await actorFor(await signedInMember(tenantId, 'VIEWER'), 'VIEWER');
    const expected = { sent: 4, delivered: 2, failed: 2, skipped: 1 };

    const [listed] = await listCampaigns({ actor });
    expect(listed.figures).toMatchObject({ ...expected, awaitingReport: 1, waiting: 0 });
    // Rate over messages with a final report: the one awaiting its report does not count against it.
    expect(listed.deliveryRate).toBeCloseTo(2 / 3);

    const progress = await getCampaignProgress({ actor, campaignId });
    expect(progress.figures).toEqual(listed.figures);
    expect(progress.deliveryRate).toBe(listed.deliveryRate);
    expect(progress.counts).toMatchObject({ sent: 1, delivered: 2, failed: 2, skipped: 1 });

    const [reported] = await campaignReport({ actor });
    expect(reported).toMatchObject({ ...expected, total: 6, deliveryRate: listed.deliveryRate });

    const [recent] = await readRecentCampaigns({ actor });
    expect(recent).toMatchObject({
      id: campaignId,
      sent: expected.sent,
      delivered: expected.delivered,
      deliveryRate: listed.deliveryRate,
    });
  });
});
