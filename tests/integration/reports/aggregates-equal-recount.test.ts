import { describe, expect, it } from 'vitest';
import { pgPool } from '@/lib/db/pg-pool';
import { inTransaction } from '@/lib/db/transaction';
import { optOutNumber } from '@/lib/contacts/opt-out';
import { applyStatusCallback } from '@/lib/delivery-status/apply-status-callback';
import { handleInboundMessage } from '@/lib/inbound/handle-inbound-message';
import { flushClicks, recordClick } from '@/lib/links/record-click';
import { resolveShortLink } from '@/lib/links/resolve-short-link';
import { postgresRateLimitStore } from '@/lib/rate-limit/postgres-store';
import type { CampaignStats } from '@/lib/campaign-stats/campaign-stats';
import { foldReportShards } from '@/lib/campaign-stats/fold-report-shards';
import { readCampaignStats } from '@/lib/campaign-stats/read-campaign-stats';
import { recountCampaignStats } from '@/lib/campaign-stats/recount-campaign-stats';
import { drainSendQueue } from '@/lib/sending/drain/drain-send-queue';
import {
  addContacts,
  MIDDAY_SYDNEY,
  recordingProvider,
  runningCampaign,
  sendingNumber,
  sendingTenant,
} from '../../support/sending-fixtures';
import { IPHONE, SLACKBOT } from '../../support/user-agents';

/** Both sides in one order, so that equal counts compare equal whatever order the rows came in. */
function canonical(stats: CampaignStats) {
  const sorted = <T>(rows: T[]) => rows.map((r) => JSON.stringify(r)).sort();
  return {
    jobs: sorted(stats.jobs),
    clicks: sorted(stats.clicks),
    visitors: stats.visitors,
    timeline: sorted(stats.timeline),
    regions: sorted(stats.regions),
    attributions: sorted(stats.attributions),
  };
}

describe('report aggregates', () => {
  it('equal a full recount after a campaign with retries, failures, late and repeated callbacks, clicks, opt-outs and replies', async () => {
    const tenantId = await sendingTenant();
    const numbers = [await sendingNumber(tenantId), await sendingNumber(tenantId)];
    const contacts = [
      ...(await addContacts(tenantId, 24, { state: 'VIC' })),
      ...(await addContacts(tenantId, 12, { state: 'WA' })),
      ...(await addContacts(tenantId, 4, { state: null })),
    ];
    const { campaignId } = await runningCampaign(tenantId, {
      numberIds: numbers.map((n) => n.id),
      linkUrl: 'https://shop.example.com.au/sale',
      templates: [{ body: 'Sale on now {link}' }, { body: 'Half price today {link}' }],
    });
    // Every seventh recipient's first attempt fails for a while, every eleventh is refused for good.
    const attempts = new Map<string, number>();
    const provider = recordingProvider((sms) => {
      const i = contacts.findIndex((c) => c.phoneE164 === sms.to);
      const n = (attempts.get(sms.to) ?? 0) + 1;
      attempts.set(sms.to, n);
      if (i % 11 === 5) return { ok: false, kind: 'permanent', code: '21211', message: 'Invalid To number' };
      if (i % 7 === 3 && n === 1) return { ok: false, kind: 'transient', code: '20500', message: 'Server error' };
      return { ok: true, providerMessageId: '', status: 'queued' };
    });
    const rateLimits = postgresRateLimitStore();
    // Two drains at once, then the retries once they are due.
    await Promise.all([
      drainSendQueue({ provider, rateLimits, clock: () => MIDDAY_SYDNEY }),
      drainSendQueue({ provider, rateLimits, clock: () => MIDDAY_SYDNEY }),
    ]);
    await drainSendQueue({ provider, rateLimits, clock: () => new Date(MIDDAY_SYDNEY.getTime() + 10 * 60_000) });
    // Folded once midway, as the background cron does: what follows adds to folded rows.
    await foldReportShards();

    const { rows: sent } = await pgPool().query<{ sid: string; token: string; phone: string }>(
      `SELECT j."providerMessageId" AS sid, l.token, j."toE164" AS phone
         FROM send_jobs j JOIN short_links l ON l."sendJobId" = j.id
        WHERE j."campaignId" = $1::uuid AND j."providerMessageId" IS NOT NULL ORDER BY j.id`,
      [campaignId],
    );
    expect(sent.length).toBeGreaterThan(30);
    const status = (sid: string, MessageStatus: string, ErrorCode?: string) => {
      const callback = { MessageSid: sid, MessageStatus, ...(ErrorCode ? { ErrorCode } : {}) };
      return applyStatusCallback({ callback, payload: { ...callback, AccountSid: 'ACtest' } });
    };
    for (const [i, job] of sent.entries()) {
      await status(job.sid, 'sent');
      if (i % 9 === 4) await status(job.sid, 'undelivered', '30003');
      else if (i % 9 === 7)
        continue; // no final report yet
      else await status(job.sid, 'delivered');
      // Repeated and late callbacks move nothing.
      if (i % 5 === 0) await status(job.sid, 'delivered');
      if (i % 6 === 0) await status(job.sid, 'sent');
    }

    const link = async (i: number) => (await resolveShortLink(sent[i].token))!;
    for (const i of [0, 1, 2, 8, 13])
      await recordClick(await link(i), { method: 'GET', ip: '203.0.113.1', userAgent: IPHONE });
    await recordClick(await link(0), { method: 'GET', ip: '203.0.113.7', userAgent: IPHONE });
    await recordClick(await link(3), { method: 'GET', ip: '198.51.100.4', userAgent: SLACKBOT });
    await Promise.all([
      recordClick(await link(21), { method: 'GET', ip: '203.0.113.2', userAgent: IPHONE }),
      recordClick(await link(21), { method: 'GET', ip: '203.0.113.3', userAgent: IPHONE }),
    ]);
    await flushClicks();

    const reply = (i: number, Body: string) =>
      handleInboundMessage({
        message: { MessageSid: `SMin${i}${Body.length}`, From: sent[i].phone, To: numbers[0].value, Body },
        payload: {},
      });
    await reply(2, 'STOP');
    await reply(5, 'please stop texting me');
    await reply(6, 'Is the Richmond store open Sunday?');
    await reply(6, 'Thanks!');
    await reply(8, 'unsubscribe');
    await inTransaction((tx) =>
      optOutNumber(tx, { tenantId, phoneE164: sent[9].phone, source: 'WEB_UNSUBSCRIBE', reason: 'unsubscribe page' }),
    );

    const scope = { tenantId, campaignId };
    const kept = await readCampaignStats(scope);
    expect(canonical(kept)).toEqual(canonical(await recountCampaignStats(scope)));
    // The counts are of this campaign, not empty on both sides.
    expect(kept.jobs.reduce((n, j) => n + j.jobs, 0)).toBe(contacts.length);
    expect(kept.clicks.reduce((n, c) => n + c.people, 0)).toBe(6);
    expect(kept.attributions.filter((a) => a.kind === 'opt_out').reduce((n, a) => n + a.people, 0)).toBe(4);
    const { rows: ledger } = await pgPool().query<{ spent: number }>(
      `SELECT coalesce(sum(l."amountMicros"), 0)::float8 AS spent FROM spend_ledger l JOIN send_jobs j ON j.id = l."sendJobId"
        WHERE j."campaignId" = $1::uuid`,
      [campaignId],
    );
    expect(kept.jobs.filter((j) => j.handed).reduce((n, j) => n + j.costMicros, 0)).toBe(ledger[0].spent);

    await foldReportShards();
    expect(canonical(await readCampaignStats(scope))).toEqual(canonical(kept));
    const { rows: unfolded } = await pgPool().query<{ rows: number }>(
      `SELECT (SELECT count(*) FROM campaign_job_stats WHERE "campaignId" = $1::uuid AND shard <> 0)
            + (SELECT count(*) FROM campaign_timeline_stats WHERE "campaignId" = $1::uuid AND shard <> 0)
            + (SELECT count(*) FROM campaign_region_stats WHERE "campaignId" = $1::uuid AND shard <> 0)
            + (SELECT count(*) FROM campaign_click_stats WHERE "campaignId" = $1::uuid AND shard <> 0)
            + (SELECT count(*) FROM send_job_count_log WHERE "campaignId" = $1::uuid) AS rows`,
      [campaignId],
    );
    expect(Number(unfolded[0].rows)).toBe(0);
  });
});
