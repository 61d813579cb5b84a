import { describe, expect, it } from 'vitest';
import { GET as metrics } from '@/app/api/metrics/route';
import { db } from '@/lib/db/client';
import { callRoute } from '../../support/fixtures';
import { buildDrillContent } from '../../support/drill-content';

const METRICS_TOKEN = 'metrics-token-for-the-test';
process.env.METRICS_TOKEN = METRICS_TOKEN;

async function scrape(authorization?: string) {
  return callRoute(metrics, {
    method: 'GET',
    path: '/api/metrics',
    headers: authorization ? { authorization } : {},
  });
}

/** `name{labels} value` lines of the Prometheus text format, keyed by name and labels. */
function samples(text: string): Map<string, number> {
  const found = new Map<string, number>();
  for (const line of text.split('\n')) {
    if (!line || line.startsWith('#')) continue;
    const cut = line.lastIndexOf(' ');
    found.set(line.slice(0, cut), Number(line.slice(cut + 1)));
  }
  return found;
}

describe('GET /api/metrics', () => {
  it('refuses a scrape without the token or with another', async () => {
    expect((await scrape()).status).toBe(401);
    expect((await scrape('Bearer not-the-token-at-all')).status).toBe(401);
  });

  it('serves counters that match the database after a campaign', async () => {
    const content = await buildDrillContent();
    const drain = await content.startDrain(1);
    await drain.finished;

    const res = await scrape(`Bearer ${METRICS_TOKEN}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/plain/);
    const m = samples(await res.text());

    const count = (where: Parameters<ReturnType<typeof db>['sendJob']['count']>[0]) => db().sendJob.count(where);
    expect(m.get('sms_messages_sent_total')).toBe(await count({ where: { providerMessageId: { not: null } } }));
    expect(m.get('sms_messages_delivered_total')).toBe(await count({ where: { state: 'DELIVERED' } }));
    expect(m.get('sms_messages_failed_total{state="UNDELIVERED",error_code="30003"}')).toBe(
      await count({ where: { state: 'UNDELIVERED', errorCode: '30003' } }),
    );
    expect(m.get('sms_messages_failed_total{state="FAILED",error_code="21211"}')).toBe(
      await count({ where: { state: 'FAILED', errorCode: '21211' } }),
    );
    expect(m.get('sms_queue_depth{state="QUEUED"}')).toBe(await count({ where: { state: 'QUEUED' } }));
    expect(m.get('sms_queue_depth{state="SENT"}')).toBe(await count({ where: { state: 'SENT' } }));
    expect(m.get('sms_clicks_total{kind="human"}')).toBe(await db().click.count({ where: { isBot: false } }));
    expect(m.get('sms_clicks_total{kind="bot"}')).toBe(await db().click.count({ where: { isBot: true } }));
    expect(m.get('sms_clicks_total{kind="human"}')).toBe(2);
    expect(m.get('sms_opt_outs_total')).toBe(1);
    expect(m.get('sms_webhook_events_total{kind="status",outcome="processed"}')).toBe(
      await db().webhookEvent.count({ where: { kind: 'STATUS', processedAt: { not: null } } }),
    );
    const spent = await db().spendLedgerEntry.aggregate({ _sum: { amountMicros: true } });
    expect(m.get('sms_spend_dollars_total')).toBeCloseTo(Number(spent._sum.amountMicros) / 1e6, 6);
    expect(m.get('sms_spend_dollars_total')).toBeGreaterThan(0);
    expect(m.get('sms_oldest_due_job_age_seconds')).toBeGreaterThanOrEqual(0);
  });
});
