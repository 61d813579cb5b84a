import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pgPool } from '@/lib/db/pg-pool';
import { evaluateAlerts } from '@/lib/operations/alerts/evaluate-alerts';
import { listOpenAlerts } from '@/lib/operations/alerts/list-open-alerts';
import { signedInMember } from '../../support/fixtures';
import { startSmtpSink } from '../../support/smtp-sink';
import { addContacts, runningCampaign, sendingNumber, sendingTenant } from '../../support/sending-fixtures';

// A real SMTP exchange: the alert mails go to a local sink that keeps them.
const { mails, close } = await startSmtpSink();
afterAll(close);

let tenantId: string;
let campaignId: string;
let adminEmail: string;
beforeAll(async () => {
  tenantId = await sendingTenant();
  adminEmail = (await signedInMember(tenantId, 'ADMIN', 'ops-admin@alerts.test')).email;
  const number = await sendingNumber(tenantId);
  await addContacts(tenantId, 200);
  campaignId = (await runningCampaign(tenantId, { numberIds: [number.id] })).campaignId;
  // Nothing due and a drain that just ran: the quiet starting point every test returns to.
  await pgPool().query(`UPDATE send_jobs SET "nextAttemptAt" = now() + interval '1 day'`);
  await pgPool().query(
    `INSERT INTO drain_runs ("startedAt", "finishedAt", claimed, sent, failed, ok) VALUES (now(), now(), 0, 0, 0, true)`,
  );
  await pgPool().query(
    `INSERT INTO backup_runs (name, location, "startedAt", "finishedAt", "sizeBytes", "tableCount", "rowCount", verified)
     VALUES ('sms-crm-ok', '/b', now(), now(), 1, 1, 1, true)`,
  );
  expect((await evaluateAlerts()).raised).toEqual([]);
});

async function open(): Promise<string[]> {
  return (await listOpenAlerts({ tenantId })).map((a) => a.key);
}

/** Raised once however often checked, listed for the workspace's admins, mailed once; then cleared. */
async function expectIncident(key: string, cause: () => Promise<unknown>, cure: () => Promise<unknown>) {
  const mailedBefore = mails.length;
  await cause();
  const first = await evaluateAlerts();
  expect(first.raised).toEqual([key]);
  expect(first.mailed).toEqual([key]);
  expect((await evaluateAlerts()).raised).toEqual([]);
  expect(await open()).toEqual([key]);
  const [alert] = await listOpenAlerts({ tenantId });
  expect(alert.runbook).toMatch(/^docs\/OPERATIONS\.md#[a-z-]+$/);
  expect(mails.length).toBe(mailedBefore + 1);
  expect(mails.at(-1)!.to).toContain(adminEmail);
  // Quoted-printable wraps long lines with a trailing '='.
  expect(mails.at(-1)!.raw.replace(/=\r?\n/g, '')).toContain(alert.runbook);

  await cure();
  expect((await evaluateAlerts()).cleared).toEqual([key]);
  expect(await open()).toEqual([]);
}

describe('alerts the app raises itself', () => {
  it('raises "drain not running" when jobs are due and the drain has been silent for 5 minutes', async () => {
    await expectIncident(
      'drain-stalled',
      async () => {
        await pgPool().query(
          `UPDATE send_jobs SET "nextAttemptAt" = now() - interval '1 minute' WHERE id IN (SELECT id FROM send_jobs LIMIT 3)`,
        );
        await pgPool().query(`UPDATE drain_runs SET "finishedAt" = now() - interval '6 minutes'`);
      },
      () =>
        pgPool().query(
          `INSERT INTO drain_runs ("startedAt", "finishedAt", claimed, sent, failed, ok) VALUES (now(), now(), 3, 3, 0, true)`,
        ),
    );
    await pgPool().query(`UPDATE send_jobs SET "nextAttemptAt" = now() + interval '1 day' WHERE state = 'QUEUED'`);
  });

  it('raises a low delivery rate when fewer than 90 % of the last 200 outcomes were delivered', async () => {
    const finish = (undelivered: number) =>
      pgPool().query(
        `WITH ordered AS (SELECT id, row_number() OVER (ORDER BY id) AS n FROM send_jobs WHERE "campaignId" = $1::uuid)
         UPDATE send_jobs j SET state = (CASE WHEN n <= $2 THEN 'UNDELIVERED' ELSE 'DELIVERED' END)::"SendJobState",
                finishedAt = now()
         FROM ordered WHERE ordered.id = j.id`.replace('finishedAt', '"finishedAt"'),
        [campaignId, undelivered],
      );
    await expectIncident(
      'delivery-rate',
      () => finish(21),
      () => finish(19),
    );
  });

  it('raises a campaign that paused itself, until it is resumed', async () => {
    await expectIncident(
      `campaign-paused:${campaignId}`,
      () =>
        pgPool().query(
          `UPDATE campaigns SET status = 'PAUSED', "pausedReason" = 'Paused automatically: 40% of the last 200 messages failed.' WHERE id = $1::uuid`,
          [campaignId],
        ),
      () =>
        pgPool().query(`UPDATE campaigns SET status = 'RUNNING', "pausedReason" = NULL WHERE id = $1::uuid`, [
          campaignId,
        ]),
    );
  });

  it('raises a daily budget past 80 % spent', async () => {
    await pgPool().query(
      `INSERT INTO budgets (id, "tenantId", period, "capMicros", "updatedAt") VALUES (gen_random_uuid(), $1::uuid, 'DAILY', 10000000, now())`,
      [tenantId],
    );
    const spend = (micros: number) =>
      pgPool().query(
        `INSERT INTO usage_counters ("tenantId", scope, "periodStart", used)
         SELECT $1::uuid, 'spend:day', (now() AT TIME ZONE s."timeZone")::date, $2 FROM tenant_settings s WHERE s."tenantId" = $1::uuid
         ON CONFLICT ("tenantId", scope, "periodStart") DO UPDATE SET used = EXCLUDED.used`,
        [tenantId, micros],
      );
    await expectIncident(
      `budget-daily:${tenantId}`,
      () => spend(8_500_000),
      () => pgPool().query(`UPDATE budgets SET "capMicros" = 20000000 WHERE "tenantId" = $1::uuid`, [tenantId]),
    );
  });

  it('raises silent status callbacks while messages await them for 15 minutes', async () => {
    await expectIncident(
      'callbacks-silent',
      () =>
        pgPool().query(
          `UPDATE send_jobs SET state = 'SENT', "sentAt" = now() - interval '20 minutes' WHERE id = (SELECT min(id) FROM send_jobs WHERE "campaignId" = $1::uuid)`,
          [campaignId],
        ),
      () =>
        pgPool().query(
          `INSERT INTO webhook_events (kind, "eventKey", "messageSid", payload) VALUES ('STATUS', 'alert-test-1', 'SMalert', '{}')`,
        ),
    );
  });

  it('raises a backup older than 26 hours or one that failed verification', async () => {
    await expectIncident(
      'backup-stale',
      () => pgPool().query(`UPDATE backup_runs SET "finishedAt" = now() - interval '27 hours'`),
      () =>
        pgPool().query(
          `INSERT INTO backup_runs (name, location, "startedAt", "finishedAt", "sizeBytes", "tableCount", "rowCount", verified)
           VALUES ('sms-crm-new', '/b', now(), now(), 1, 1, 1, true)`,
        ),
    );
    await expectIncident(
      'backup-stale',
      () => pgPool().query(`UPDATE backup_runs SET verified = false WHERE name = 'sms-crm-new'`),
      () => pgPool().query(`UPDATE backup_runs SET verified = true WHERE name = 'sms-crm-new'`),
    );
  });
});
