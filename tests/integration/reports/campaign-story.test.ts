import { describe, expect, it } from 'vitest';
import { db } from '@/lib/db/client';
import { pgPool } from '@/lib/db/pg-pool';
import { inTransaction } from '@/lib/db/transaction';
import { optOutNumber } from '@/lib/contacts/opt-out';
import { exportContacts } from '@/lib/contacts/export-contacts';
import { flushClicks, recordClick } from '@/lib/links/record-click';
import { resolveShortLink } from '@/lib/links/resolve-short-link';
import { postgresRateLimitStore } from '@/lib/rate-limit/postgres-store';
import { exportCampaignRecipients } from '@/lib/reports/export-campaign-recipients';
import { exportCampaignSummary } from '@/lib/reports/export-campaign-summary';
import { readCampaignReport } from '@/lib/reports/read-campaign-report';
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

async function collect(lines: AsyncGenerator<string>): Promise<string> {
  let text = '';
  for await (const chunk of lines) text += chunk;
  return text;
}

describe('campaign report', () => {
  it("tells a campaign's story: funnel, messages compared, opt-outs it caused, failures, cost, timeline and exports", async () => {
    const tenantId = await sendingTenant();
    const number = await sendingNumber(tenantId);
    const contacts = await addContacts(tenantId, 8, { state: 'VIC' });
    const { campaignId } = await runningCampaign(tenantId, {
      numberIds: [number.id],
      linkUrl: 'https://shop.example.com.au/sale',
      templates: [{ body: 'Sale on now {link}' }, { body: 'Half price today {link}' }],
    });
    await drainSendQueue({
      provider: recordingProvider(),
      rateLimits: postgresRateLimitStore(),
      clock: () => MIDDAY_SYDNEY,
    });
    const { rows: jobs } = await pgPool().query<{ id: string; contactId: string; token: string; templateId: string }>(
      `SELECT j.id::text, j."contactId", s.token, j."templateId" FROM send_jobs j JOIN short_links s ON s."sendJobId" = j.id
        WHERE j."campaignId" = $1::uuid ORDER BY j.id`,
      [campaignId],
    );
    expect(jobs).toHaveLength(8);
    // A name a spreadsheet would run as a formula.
    await pgPool().query(`UPDATE contacts SET "firstName" = '=HYPERLINK("x")' WHERE id = $1::uuid`, [
      jobs[0].contactId,
    ]);
    // Sent an hour ago, except the last recipient, sent nine days ago.
    await pgPool().query(
      `UPDATE send_jobs SET "sentAt" = now() - interval '1 hour', "deliveredAt" = now() - interval '50 minutes', state = 'DELIVERED'
        WHERE "campaignId" = $1::uuid`,
      [campaignId],
    );
    await pgPool().query(
      `UPDATE send_jobs SET "sentAt" = now() - interval '9 days', "deliveredAt" = now() - interval '9 days' WHERE id = $1::bigint`,
      [jobs[7].id],
    );
    // Failures: an unknown number (suppressed), an unreachable handset retried three times, and a
    // queue overflow retried once and then delivered.
    await pgPool().query(
      `UPDATE send_jobs SET state = 'UNDELIVERED', "errorCode" = '30005', "deliveredAt" = NULL, "finishedAt" = now() WHERE id = $1::bigint`,
      [jobs[5].id],
    );
    await pgPool().query(
      `UPDATE send_jobs SET state = 'UNDELIVERED', "errorCode" = '30003', attempts = 3, "deliveredAt" = NULL WHERE id = $1::bigint`,
      [jobs[6].id],
    );
    await pgPool().query(`UPDATE send_jobs SET "errorCode" = '30001', attempts = 2 WHERE id = $1::bigint`, [
      jobs[4].id,
    ]);

    // People click jobs 0 (A, twice), 1 (B) and 3 (B); a preview bot opens job 2.
    const link = async (i: number) => (await resolveShortLink(jobs[i].token))!;
    await recordClick(await link(0), { method: 'GET', ip: '203.0.113.1', userAgent: IPHONE });
    await recordClick(await link(0), { method: 'GET', ip: '203.0.113.5', userAgent: IPHONE });
    await recordClick(await link(1), { method: 'GET', ip: '203.0.113.2', userAgent: IPHONE });
    await recordClick(await link(3), { method: 'GET', ip: '203.0.113.3', userAgent: IPHONE });
    await recordClick(await link(2), { method: 'GET', ip: '198.51.100.4', userAgent: SLACKBOT });
    await flushClicks();

    // Job 2's recipient replies STOP within the week; job 7's (sent nine days ago) replies STOP now,
    // too late to count; job 1's unsubscribes on the web. Job 3's recipient got a later message of
    // another campaign, so their STOP is that campaign's.
    const phoneOf = (i: number) => contacts.find((c) => c.id === jobs[i].contactId)!.phoneE164;
    const other = await runningCampaign(tenantId, { numberIds: [number.id], audience: { kind: 'all' } });
    await pgPool().query(
      `UPDATE send_jobs SET state = 'DELIVERED', "providerMessageId" = 'SMother' || id, "sentAt" = now() - interval '10 minutes'
        WHERE "campaignId" = $1::uuid AND "contactId" = $2::uuid`,
      [other.campaignId, jobs[3].contactId],
    );
    for (const [i, source] of [
      [2, 'STOP_REPLY'],
      [7, 'STOP_REPLY'],
      [1, 'WEB_UNSUBSCRIBE'],
      [3, 'STOP_REPLY'],
    ] as const) {
      await inTransaction((tx) => optOutNumber(tx, { tenantId, phoneE164: phoneOf(i), source, reason: 'test' }));
    }
    await pgPool().query(
      `INSERT INTO inbound_messages ("tenantId", "contactId", "fromE164", "toNumber", body, keyword, "messageSid")
       VALUES ($1::uuid, $2::uuid, $3, $4, 'Which store?', 'NONE', 'SMreply1'), ($1::uuid, $2::uuid, $3, $4, 'And when?', 'NONE', 'SMreply2')`,
      [tenantId, jobs[0].contactId, phoneOf(0), number.value],
    );
    await pgPool().query(
      `UPDATE campaigns SET "lastDryRunMessages" = 8, "lastDryRunCostMicros" = 440000 WHERE id = $1::uuid`,
      [campaignId],
    );

    const scope = { tenantId, campaignId };
    const report = await readCampaignReport(scope);
    const { funnel } = report;
    expect(Object.fromEntries(funnel.steps.map((s) => [s.key, s.count]))).toMatchObject({
      queued: 8,
      sent: 8,
      delivered: 6,
      clicked: 3,
      replied: 1,
      optedOut: 2,
    });
    expect(funnel.steps.find((s) => s.key === 'delivered')!.rate).toBeCloseTo(6 / 8);
    expect(funnel.steps.find((s) => s.key === 'clicked')!.rate).toBeCloseTo(3 / 6);

    const { messages } = report;
    const clickersOf = (templateId: string) => [0, 1, 3].filter((i) => jobs[i].templateId === templateId).length;
    expect(messages.rows.map((m) => [m.label, m.sends, m.clicked])).toEqual(
      messages.rows.map((m, i) => [['Message A', 'Message B'][i], 4, clickersOf(m.templateId)]),
    );
    expect(messages.rows.reduce((sum, m) => sum + m.costMicros, 0)).toBeGreaterThan(0);
    expect(messages.verdict.kind).toBe('not-enough-data');

    expect(report.optOuts).toEqual({
      stopReplies: 1,
      webUnsubscribes: 1,
      total: 2,
      repliers: 1,
      replies: 2,
    });

    const { failures } = report;
    expect(failures).toEqual([
      expect.objectContaining({ code: '30003', failed: 1, retried: 1, action: 'Retried, then left' }),
      expect.objectContaining({ code: '30005', failed: 1, retried: 0, action: expect.stringMatching(/suppressed/) }),
      expect.objectContaining({ code: '30001', failed: 0, retried: 1 }),
    ]);
    expect(failures[0].explanation).toMatch(/switched off/);

    const { cost } = report;
    expect(cost.estimateMicros).toBe(440000);
    expect(cost.spentMicros).toBe(cost.parts * cost.pricePerPartMicros);
    expect(cost.perDeliveredMicros).toBeCloseTo(cost.spentMicros / 6);
    expect(cost.perClickerMicros).toBeCloseTo(cost.spentMicros / 3);

    const { timeline } = report;
    expect(timeline.unit).toBe('day');
    expect(timeline.points.reduce((sum, p) => sum + p.sends, 0)).toBe(8);
    expect(timeline.points.reduce((sum, p) => sum + p.clicks, 0)).toBe(4);
    expect(timeline.points.reduce((sum, p) => sum + p.optOuts, 0)).toBe(2);

    expect(report.regions).toEqual([
      expect.objectContaining({ state: 'VIC', timeZone: 'Melbourne (VIC)', sent: 8, delivered: 6, clicked: 3 }),
    ]);
    expect(report.numbers).toEqual([
      expect.objectContaining({ number: number.value, sent: 8, delivered: 6, failed: 2, topError: expect.any(Object) }),
    ]);

    const summary = await collect(exportCampaignSummary(scope));
    expect(summary).toContain('funnel,Clicked (people),3,0.5000');
    expect(summary).toContain('opt-outs,STOP replies,1');

    const recipients = (await collect(exportCampaignRecipients(scope))).trim().split('\r\n');
    expect(recipients[0]).toBe('phone,name,message,message sent,status,error,clicked,opted out');
    expect(recipients).toHaveLength(9);
    // A number starts with +, which a spreadsheet reads as a formula: it too is written as text.
    const first = recipients.find((line) => line.startsWith("'" + phoneOf(0)))!;
    // The formula is written as text, behind an apostrophe.
    expect(first).toContain(`"'=HYPERLINK(""x"")"`);
    expect(first).toMatch(/,delivered,,yes,$/);
    expect(recipients.find((line) => line.startsWith("'" + phoneOf(6)))).toMatch(/undelivered,30003: The handset/);
    expect(recipients.find((line) => line.startsWith("'" + phoneOf(2)))).toMatch(/,no,\d{4}-\d\d-\d\dT/);

    const actor = await actorFor(await signedInMember(tenantId, 'STAFF'), 'STAFF');
    const optedOut = (await collect(exportContacts({ actor, query: { dnc: 'only' } }))).trim().split('\r\n');
    expect(optedOut).toHaveLength(5);
    expect(optedOut.slice(1).map((l) => l.split(',')[0].replace(/^'/, ''))).toEqual([1, 2, 3, 7].map(phoneOf).sort());
    expect(await db().contact.count({ where: { tenantId } })).toBe(8);
  });
});
