import { describe, expect, it } from 'vitest';
import { db } from '@/lib/db/client';
import { pgPool } from '@/lib/db/pg-pool';
import { flushClicks, recordClick } from '@/lib/links/record-click';
import { resolveShortLink } from '@/lib/links/resolve-short-link';
import { postgresRateLimitStore } from '@/lib/rate-limit/postgres-store';
import { botClickReasons } from '@/lib/reports/bot-click-reasons';
import { campaignReport } from '@/lib/reports/campaign-report';
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
import { IPHONE, SLACKBOT } from '../../support/user-agents';

describe('campaign report', () => {
  it('counts delivered as success and tells the people who clicked from link previews', async () => {
    const tenantId = await sendingTenant();
    const number = await sendingNumber(tenantId);
    await addContacts(tenantId, 4);
    const { campaignId } = await runningCampaign(tenantId, {
      numberIds: [number.id],
      linkUrl: 'https://shop.example.com.au/sale',
      templates: [{ body: 'Sale on now {link}' }],
    });
    const provider = recordingProvider();
    await drainSendQueue({ provider, rateLimits: postgresRateLimitStore(), clock: () => MIDDAY_SYDNEY });
    // Three delivered, one undelivered, as the carriers reported.
    await pgPool().query(
      `UPDATE send_jobs SET state = CASE WHEN id = (SELECT max(id) FROM send_jobs WHERE "campaignId" = $1::uuid) THEN 'UNDELIVERED' ELSE 'DELIVERED' END::"SendJobState", "deliveredAt" = '2026-11-25T00:00:00' WHERE "campaignId" = $1::uuid`,
      [campaignId],
    );
    const tokens = provider.sent.map((s) => /\/l\/(\S+)/.exec(s.body)![1]);
    const links = await Promise.all(tokens.map((t) => resolveShortLink(t)));

    await recordClick(links[0]!, { method: 'GET', ip: '203.0.113.1', userAgent: IPHONE });
    await recordClick(links[0]!, { method: 'GET', ip: '203.0.113.9', userAgent: IPHONE });
    await recordClick(links[1]!, { method: 'GET', ip: '203.0.113.2', userAgent: IPHONE });
    await recordClick(links[2]!, {
      method: 'GET',
      ip: '198.51.100.4',
      userAgent: SLACKBOT,
    });
    await recordClick(links[3]!, { method: 'HEAD', ip: '198.51.100.5', userAgent: IPHONE });
    await flushClicks();

    const actor = await actorFor(await signedInMember(tenantId, 'VIEWER'), 'VIEWER');
    const [row] = await campaignReport({ actor });
    expect(row).toMatchObject({
      id: campaignId,
      total: 4,
      sent: 4,
      delivered: 3,
      deliveryRate: 0.75,
      failed: 1,
      people: 2,
      humanClicks: 3,
      botClicks: 2,
    });
    expect(row.clickRate).toBeCloseTo(2 / 3);
    expect(await botClickReasons({ actor })).toEqual(
      expect.arrayContaining([
        { reason: 'link preview', count: 1 },
        { reason: 'HEAD request (link checker)', count: 1 },
      ]),
    );
    expect(await db().click.count({ where: { tenantId } })).toBe(5);
  });
});
