import { describe, expect, it } from 'vitest';
import { db } from '@/lib/db/client';
import { postgresRateLimitStore } from '@/lib/rate-limit/postgres-store';
import { drainSendQueue } from '@/lib/sending/drain/drain-send-queue';
import {
  addContacts,
  jobStates,
  MIDDAY_SYDNEY,
  recordingProvider,
  runningCampaign,
  sendingNumber,
  sendingTenant,
} from '../../support/sending-fixtures';

const rateLimits = postgresRateLimitStore();

describe('draining the send queue', () => {
  it('sends each queued job once, with its merged text and the opt-out line, and records it', async () => {
    const tenantId = await sendingTenant();
    const number = await sendingNumber(tenantId);
    await addContacts(tenantId, 3);
    const { campaignId, queued } = await runningCampaign(tenantId, { numberIds: [number.id] });
    expect(queued).toBe(3);
    const provider = recordingProvider();

    const report = await drainSendQueue({ provider, rateLimits, clock: () => MIDDAY_SYDNEY });

    expect(report.accepted).toBe(3);
    expect(provider.sent).toHaveLength(3);
    expect(provider.sent[0]).toMatchObject({
      from: number.value,
      body: 'Hi Sam, our spring sale starts today.\nFrom Acme. Reply STOP to opt out',
    });
    expect(await jobStates(campaignId)).toEqual({ SENDING: 3 });
    const jobs = await db().sendJob.findMany({
      where: { campaignId },
      select: { providerMessageId: true, parts: true, costMicros: true, sendingNumberId: true, attempts: true },
    });
    expect(
      jobs.every(
        (j) =>
          j.providerMessageId?.startsWith('SM') &&
          j.parts === 1 &&
          j.costMicros === 55_000 &&
          j.sendingNumberId === number.id &&
          j.attempts === 1,
      ),
    ).toBe(true);
    expect(await db().spendLedgerEntry.count({ where: { tenantId } })).toBe(3);

    const again = await drainSendQueue({ provider, rateLimits, clock: () => MIDDAY_SYDNEY });
    expect(again.claimed).toBe(0);
    expect(provider.sent).toHaveLength(3);
  });
});
