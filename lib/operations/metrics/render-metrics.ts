import 'server-only';
import { Counter, Gauge, Registry } from 'prom-client';
import { pgPool } from '../../db/pg-pool';

export interface RenderedMetrics {
  contentType: string;
  body: string;
}

/**
 * The installation's figures in Prometheus' text format. Every figure is read from the
 * database at scrape time, so any instance answers the same whole-installation totals
 * (a counter kept in one instance's memory would count only that instance's share and
 * start again at every deploy). The registry is built afresh for each scrape.
 */
export async function renderMetrics(now = new Date()): Promise<RenderedMetrics> {
  const pool = pgPool();
  const at = now.toISOString();
  const [jobs, failures, queue, drains, webhooks, clicks, optOuts, spend] = await Promise.all([
    pool.query<{ sent: string; delivered: string }>(
      `SELECT count(*) FILTER (WHERE "providerMessageId" IS NOT NULL)::text AS sent,
              count(*) FILTER (WHERE state = 'DELIVERED')::text AS delivered
       FROM send_jobs`,
    ),
    pool.query<{ state: string; code: string | null; n: string }>(
      `SELECT state::text AS state, "errorCode" AS code, count(*)::text AS n FROM send_jobs
       WHERE state IN ('FAILED', 'UNDELIVERED') GROUP BY 1, 2`,
    ),
    pool.query<{ state: string; n: string; oldest_due: Date | null }>(
      `SELECT state::text AS state, count(*)::text AS n,
              min("nextAttemptAt") FILTER (WHERE state = 'QUEUED' AND "nextAttemptAt" <= $1::timestamp) AS oldest_due
       FROM send_jobs WHERE state IN ('QUEUED', 'SENDING', 'SENT') GROUP BY state`,
      [at],
    ),
    pool.query<{ ok: boolean; n: string; seconds: number; last: Date | null }>(
      `SELECT ok, count(*)::text AS n, coalesce(sum(extract(epoch FROM "finishedAt" - "startedAt")), 0)::float8 AS seconds,
              max("finishedAt") AS last
       FROM drain_runs GROUP BY ok`,
    ),
    pool.query<{ kind: string; processed: boolean; n: string }>(
      `SELECT kind::text AS kind, "processedAt" IS NOT NULL AS processed, count(*)::text AS n FROM webhook_events GROUP BY 1, 2`,
    ),
    pool.query<{ bot: boolean; n: string }>(`SELECT "isBot" AS bot, count(*)::text AS n FROM clicks GROUP BY 1`),
    pool.query<{ n: string }>(`SELECT count(*)::text AS n FROM consent_events WHERE action = 'OPTED_OUT'`),
    pool.query<{ micros: string }>(`SELECT coalesce(sum("amountMicros"), 0)::text AS micros FROM spend_ledger`),
  ]);

  const registry = new Registry();
  const counter = (name: string, help: string, labelNames: string[] = []) =>
    new Counter({ name, help, labelNames, registers: [registry] });
  const gauge = (name: string, help: string, labelNames: string[] = []) =>
    new Gauge({ name, help, labelNames, registers: [registry] });

  counter('sms_messages_sent_total', 'Messages the provider accepted.').inc(Number(jobs.rows[0].sent));
  counter('sms_messages_delivered_total', 'Messages the carrier reported delivered.').inc(
    Number(jobs.rows[0].delivered),
  );
  const failed = counter('sms_messages_failed_total', 'Messages that failed or were undelivered, by error code.', [
    'state',
    'error_code',
  ]);
  for (const row of failures.rows) failed.inc({ state: row.state, error_code: row.code ?? 'none' }, Number(row.n));

  const depth = gauge('sms_queue_depth', 'Jobs not yet final, by state.', ['state']);
  for (const state of ['QUEUED', 'SENDING', 'SENT']) depth.set({ state }, 0);
  let oldestDue: Date | null = null;
  for (const row of queue.rows) {
    depth.set({ state: row.state }, Number(row.n));
    if (row.oldest_due) oldestDue = row.oldest_due;
  }
  gauge('sms_oldest_due_job_age_seconds', 'How long the oldest due job has waited; 0 when none is due.').set(
    oldestDue ? Math.max(0, (now.getTime() - oldestDue.getTime()) / 1000) : 0,
  );

  const runs = counter('sms_drain_runs_total', 'Runs of the scheduled drain, by outcome.', ['outcome']);
  const runSeconds = counter('sms_drain_run_seconds_total', 'Time the drain ran, by outcome (divide by runs).', [
    'outcome',
  ]);
  let lastRun = 0;
  for (const row of drains.rows) {
    const outcome = row.ok ? 'ok' : 'error';
    runs.inc({ outcome }, Number(row.n));
    runSeconds.inc({ outcome }, row.seconds);
    lastRun = Math.max(lastRun, row.last ? row.last.getTime() / 1000 : 0);
  }
  gauge('sms_drain_last_run_timestamp_seconds', 'When the drain last finished (Unix time); 0 if never.').set(lastRun);

  const hooks = counter('sms_webhook_events_total', 'Signed Twilio webhooks accepted, by kind and outcome.', [
    'kind',
    'outcome',
  ]);
  for (const row of webhooks.rows)
    hooks.inc({ kind: row.kind.toLowerCase(), outcome: row.processed ? 'processed' : 'pending' }, Number(row.n));

  const clickCounter = counter('sms_clicks_total', 'Short-link clicks, people apart from bots and previews.', ['kind']);
  clickCounter.inc({ kind: 'human' }, 0);
  clickCounter.inc({ kind: 'bot' }, 0);
  for (const row of clicks.rows) clickCounter.inc({ kind: row.bot ? 'bot' : 'human' }, Number(row.n));

  counter('sms_opt_outs_total', 'Opt-outs recorded (STOP replies, unsubscribe links, 21610, staff).').inc(
    Number(optOuts.rows[0].n),
  );
  counter('sms_spend_dollars_total', 'What sending has cost, in dollars.').inc(Number(spend.rows[0].micros) / 1e6);

  return { contentType: registry.contentType, body: await registry.metrics() };
}
