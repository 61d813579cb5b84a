import 'server-only';
import { pgPool } from '../../db/pg-pool';
import { inTransaction } from '../../db/transaction';
import { readAlertConditions } from './alert-conditions';
import { mailAlert } from './mail-alert';

export interface EvaluateAlertsOptions {
  now?: Date;
}

export interface AlertChanges {
  raised: string[];
  cleared: string[];
  mailed: string[];
}

/**
 * Raises the alerts whose condition holds and clears those whose condition ended,
 * in one transaction. An open alert is one row per key (a unique index), so however
 * many instances check at once, each incident is raised, and mailed to its admins,
 * once; it is raised anew only after it has cleared.
 */
export async function evaluateAlerts(options: EvaluateAlertsOptions = {}): Promise<AlertChanges> {
  const now = options.now ?? new Date();
  const { raised, cleared } = await inTransaction(async (tx) => {
    const active = await readAlertConditions(tx, now);
    const inserted = await tx.query<{ id: string; key: string }>(
      `INSERT INTO operational_alerts (key, kind, "tenantId", title, detail, runbook, "raisedAt")
       SELECT k, kind, tenant, title, detail, runbook, $7::timestamptz
       FROM unnest($1::text[], $2::text[], $3::uuid[], $4::text[], $5::text[], $6::text[]) AS a(k, kind, tenant, title, detail, runbook)
       ON CONFLICT (key) WHERE "clearedAt" IS NULL DO NOTHING
       RETURNING id::text, key`,
      [
        active.map((a) => a.key),
        active.map((a) => a.kind),
        active.map((a) => a.tenantId),
        active.map((a) => a.title),
        active.map((a) => a.detail),
        active.map((a) => a.runbook),
        now,
      ],
    );
    const ended = await tx.query<{ key: string }>(
      `UPDATE operational_alerts SET "clearedAt" = $2 WHERE "clearedAt" IS NULL AND NOT (key = ANY($1::text[])) RETURNING key`,
      [active.map((a) => a.key), now],
    );
    return { raised: inserted.rows, cleared: ended.rows.map((r) => r.key) };
  });

  const mailed: string[] = [];
  for (const alert of raised) {
    const { rows } = await pgPool().query<{ title: string; detail: string; runbook: string; emails: string[] }>(
      `SELECT a.title, a.detail, a.runbook,
              coalesce(array_agg(DISTINCT u.email) FILTER (WHERE u.email IS NOT NULL), '{}') AS emails
       FROM operational_alerts a
       LEFT JOIN memberships m ON m.role = 'ADMIN' AND (a."tenantId" IS NULL OR m."tenantId" = a."tenantId")
       LEFT JOIN users u ON u.id = m."userId"
       WHERE a.id = $1::bigint GROUP BY a.id`,
      [alert.id],
    );
    const sent = await mailAlert({ to: rows[0].emails, ...rows[0] }).catch((error: unknown) => {
      console.error(`[alerts] could not mail "${rows[0].title}"`, error);
      return false;
    });
    if (!sent) continue;
    await pgPool().query(`UPDATE operational_alerts SET "notifiedAt" = now() WHERE id = $1::bigint`, [alert.id]);
    mailed.push(alert.key);
  }
  return { raised: raised.map((r) => r.key), cleared, mailed };
}
