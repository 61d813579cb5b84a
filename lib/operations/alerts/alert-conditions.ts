import 'server-only';
import type { Queryable } from '../../db/queryable';
import { env } from '../../env';
import { formatPercent } from '../../format/number';

/** An incident whose condition holds now. */
export interface ActiveAlert {
  key: string;
  kind: AlertKind;
  tenantId: string | null;
  title: string;
  detail: string;
  /** The anchor of its playbook in docs/OPERATIONS.md. */
  runbook: string;
}

export type AlertKind =
  'drain-stalled' | 'delivery-rate' | 'campaign-paused' | 'budget' | 'callbacks-silent' | 'backup-stale';

const dollars = (micros: number) => `$${(micros / 1e6).toFixed(2)}`;

/**
 * Every alert condition, read from the database with the thresholds of the ALERT_*
 * settings: the drain silent while jobs are due; the delivery rate of the last outcomes;
 * campaigns paused automatically; daily and monthly spend near a budget; no status
 * callbacks while messages await them; the last backup old or unverified.
 */
export async function readAlertConditions(db: Queryable, now: Date): Promise<ActiveAlert[]> {
  const e = env();
  const at = now.toISOString();
  const alerts: ActiveAlert[] = [];

  const drain = await db.query<{ due: number; last: Date | null }>(
    `SELECT (SELECT count(*)::int FROM send_jobs WHERE state = 'QUEUED' AND "nextAttemptAt" <= $1::timestamp) AS due,
            (SELECT max("finishedAt") FROM drain_runs) AS last`,
    [at],
  );
  const { due, last } = drain.rows[0];
  const silentMinutes = last ? (now.getTime() - last.getTime()) / 60_000 : Infinity;
  if (due > 0 && silentMinutes >= e.ALERT_DRAIN_SILENT_MINUTES)
    alerts.push({
      key: 'drain-stalled',
      kind: 'drain-stalled',
      tenantId: null,
      title: 'The send queue is not draining',
      detail: `${due} jobs are due and the drain ${last ? `last ran ${Math.round(silentMinutes)} minutes ago` : 'has never run'} (alert after ${e.ALERT_DRAIN_SILENT_MINUTES} minutes).`,
      runbook: 'drain-not-running',
    });

  const outcomes = await db.query<{ total: number; delivered: number }>(
    `SELECT count(*)::int AS total, count(*) FILTER (WHERE state = 'DELIVERED')::int AS delivered
     FROM (SELECT state FROM send_jobs WHERE state IN ('DELIVERED', 'FAILED', 'UNDELIVERED') AND "finishedAt" IS NOT NULL
           ORDER BY "finishedAt" DESC LIMIT $1) recent`,
    [e.ALERT_DELIVERY_SAMPLE],
  );
  const { total, delivered } = outcomes.rows[0];
  if (total >= e.ALERT_DELIVERY_SAMPLE && delivered / total < e.ALERT_DELIVERY_RATE_MIN)
    alerts.push({
      key: 'delivery-rate',
      kind: 'delivery-rate',
      tenantId: null,
      title: 'Deliveries are failing',
      detail: `${delivered} of the last ${total} messages with a final status were delivered (${formatPercent(delivered / total)}; alert under ${formatPercent(e.ALERT_DELIVERY_RATE_MIN)}).`,
      runbook: 'delivery-rate-low',
    });

  const paused = await db.query<{ id: string; tenantId: string; name: string; reason: string }>(
    `SELECT id, "tenantId", name, "pausedReason" AS reason FROM campaigns
     WHERE status = 'PAUSED' AND "pausedReason" LIKE 'Paused automatically%'`,
  );
  for (const c of paused.rows)
    alerts.push({
      key: `campaign-paused:${c.id}`,
      kind: 'campaign-paused',
      tenantId: c.tenantId,
      title: `Campaign “${c.name}” paused itself`,
      detail: c.reason,
      runbook: 'campaign-auto-paused',
    });

  const spend = await db.query<{ tenantId: string; period: string; cap: string; used: string }>(
    `SELECT b."tenantId", b.period::text AS period, b."capMicros"::text AS cap, coalesce(u.used, 0)::text AS used
     FROM budgets b
     JOIN tenant_settings s ON s."tenantId" = b."tenantId"
     LEFT JOIN usage_counters u ON u."tenantId" = b."tenantId"
       AND u.scope = CASE b.period WHEN 'DAILY' THEN 'spend:day' ELSE 'spend:month' END
       AND u."periodStart" = CASE b.period
         WHEN 'DAILY' THEN ($1::timestamptz AT TIME ZONE s."timeZone")::date
         ELSE date_trunc('month', $1::timestamptz AT TIME ZONE s."timeZone")::date END
     WHERE b."capMicros" > 0`,
    [at],
  );
  for (const b of spend.rows) {
    const share = Number(b.used) / Number(b.cap);
    if (share < e.ALERT_BUDGET_SHARE) continue;
    const period = b.period === 'DAILY' ? 'daily' : 'monthly';
    alerts.push({
      key: `budget-${period}:${b.tenantId}`,
      kind: 'budget',
      tenantId: b.tenantId,
      title: `The ${period} budget is ${formatPercent(share)} spent`,
      detail: `${dollars(Number(b.used))} of ${dollars(Number(b.cap))} (alert at ${formatPercent(e.ALERT_BUDGET_SHARE)}); sending stops at the cap.`,
      runbook: 'budget-nearly-spent',
    });
  }

  const callbacks = await db.query<{ waiting: number; recent: number }>(
    `SELECT (SELECT count(*)::int FROM send_jobs WHERE state = 'SENT'
               AND "sentAt" < $1::timestamp - make_interval(mins => $2)
               AND "sentAt" > $1::timestamp - interval '1 day') AS waiting,
            (SELECT count(*)::int FROM webhook_events WHERE kind = 'STATUS'
               AND "receivedAt" > $1::timestamp - make_interval(mins => $2)) AS recent`,
    [at, e.ALERT_CALLBACKS_SILENT_MINUTES],
  );
  if (callbacks.rows[0].waiting > 0 && callbacks.rows[0].recent === 0)
    alerts.push({
      key: 'callbacks-silent',
      kind: 'callbacks-silent',
      tenantId: null,
      title: 'No delivery reports are arriving',
      detail: `No status callback came in ${e.ALERT_CALLBACKS_SILENT_MINUTES} minutes while ${callbacks.rows[0].waiting} messages await theirs.`,
      runbook: 'callbacks-silent',
    });

  const backup = await db.query<{ finished: Date | null; verified: boolean | null; installed: Date | null }>(
    `SELECT b."finishedAt" AS finished, b.verified, (SELECT min("createdAt") FROM tenants) AS installed
     FROM (SELECT 1) one LEFT JOIN LATERAL (
       SELECT "finishedAt", verified FROM backup_runs ORDER BY "finishedAt" DESC LIMIT 1) b ON true`,
  );
  const { finished, verified, installed } = backup.rows[0];
  const maxAgeMs = e.ALERT_BACKUP_MAX_AGE_HOURS * 3_600_000;
  const backupHours = finished ? (now.getTime() - finished.getTime()) / 3_600_000 : null;
  const neverButDue = !finished && installed !== null && now.getTime() - installed.getTime() > maxAgeMs;
  if (neverButDue || (finished && (!verified || now.getTime() - finished.getTime() > maxAgeMs)))
    alerts.push({
      key: 'backup-stale',
      kind: 'backup-stale',
      tenantId: null,
      title: finished && !verified ? 'The last backup failed verification' : 'No recent backup',
      detail:
        backupHours === null
          ? `No backup has been taken (alert after ${e.ALERT_BACKUP_MAX_AGE_HOURS} hours).`
          : `The last backup finished ${backupHours.toFixed(1)} hours ago${verified ? '' : ' and did not verify'} (alert after ${e.ALERT_BACKUP_MAX_AGE_HOURS} hours).`,
      runbook: 'backup-stale',
    });

  return alerts;
}
