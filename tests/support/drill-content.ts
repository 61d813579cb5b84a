import { setTimeout as sleep } from 'node:timers/promises';
import { pgPool } from '@/lib/db/pg-pool';
import { applyStatusCallback } from '@/lib/delivery-status/apply-status-callback';
import { StatusCallbackSchema } from '@/lib/delivery-status/schemas';
import { handleInboundMessage } from '@/lib/inbound/handle-inbound-message';
import { flushClicks, recordClick } from '@/lib/links/record-click';
import { resolveShortLink } from '@/lib/links/resolve-short-link';
import { postgresRateLimitStore } from '@/lib/rate-limit/postgres-store';
import { drainSendQueue } from '@/lib/sending/drain/drain-send-queue';
import { signedInMember } from './fixtures';
import {
  addContacts,
  MIDDAY_SYDNEY,
  recordingProvider,
  runningCampaign,
  sendingNumber,
  sendingTenant,
} from './sending-fixtures';
import { IPHONE } from './user-agents';

export interface DrillContent {
  tenantId: string;
  finishedCampaignId: string;
  runningCampaignId: string;
  /** Drains the running campaign through a provider that takes 10 ms a message; resolves once `started` messages went. */
  startDrain(started: number): Promise<{ finished: Promise<unknown> }>;
}

/**
 * A workspace as a business has it after a few weeks: contacts with consent history,
 * a finished campaign whose messages were delivered (one not), clicked by people and
 * previewed by a bot, a STOP reply that put a number on the DNC list, a question in
 * the inbox, audit rows, and a running campaign with jobs in every state.
 */
export async function buildDrillContent(): Promise<DrillContent> {
  const tenantId = await sendingTenant({ name: 'Drill Pty Ltd' });
  const number = await sendingNumber(tenantId);
  const admin = await signedInMember(tenantId, 'ADMIN', 'owner@drill.test');
  const early = await addContacts(tenantId, 8);

  const finished = await runningCampaign(tenantId, {
    numberIds: [number.id],
    linkUrl: 'https://shop.example.com.au/sale',
    templates: [{ body: 'Winter sale on now {link}' }],
  });
  const provider = recordingProvider();
  await drainSendQueue({ provider, rateLimits: postgresRateLimitStore(), clock: () => MIDDAY_SYDNEY });
  const { rows: sent } = await pgPool().query<{ sid: string }>(
    `SELECT "providerMessageId" AS sid FROM send_jobs WHERE "campaignId" = $1::uuid ORDER BY id`,
    [finished.campaignId],
  );
  for (const [i, { sid }] of sent.entries()) {
    const payload: Record<string, string> =
      i === sent.length - 1
        ? { MessageSid: sid, MessageStatus: 'undelivered', ErrorCode: '30003' }
        : { MessageSid: sid, MessageStatus: 'delivered' };
    await applyStatusCallback({ callback: StatusCallbackSchema.parse(payload), payload });
  }
  const links = await Promise.all(provider.sent.map((s) => resolveShortLink(/\/l\/(\S+)/.exec(s.body)![1])));
  await recordClick(links[0]!, { method: 'GET', ip: '203.0.113.1', userAgent: IPHONE });
  await recordClick(links[1]!, { method: 'GET', ip: '203.0.113.2', userAgent: IPHONE });
  await recordClick(links[2]!, { method: 'GET', ip: '198.51.100.4', userAgent: 'Slackbot-LinkExpanding 1.0' });
  await flushClicks();

  await handleInboundMessage({
    message: { MessageSid: 'SMdrillstop', From: early[0].phoneE164, To: number.value, Body: 'STOP' },
    payload: {},
  });
  await handleInboundMessage({
    message: { MessageSid: 'SMdrillask', From: early[1].phoneE164, To: number.value, Body: 'Is the sale on Sunday?' },
    payload: {},
  });
  await pgPool().query(
    `INSERT INTO consent_events ("tenantId", "contactId", action, status, source, "occurredAt")
     SELECT "tenantId", id, 'GRANTED', 'EXPLICIT', 'import', now() - interval '30 days' FROM contacts WHERE "tenantId" = $1::uuid`,
    [tenantId],
  );
  await pgPool().query(
    `INSERT INTO audit_log ("tenantId", "actorUserId", action, "entityType", "entityId", details)
     VALUES ($1::uuid, $2::uuid, 'settings.updated', 'tenant_settings', $1, '{"quietHours":"21:00-09:00"}')`,
    [tenantId, admin.userId],
  );
  await pgPool().query(`UPDATE campaigns SET status = 'COMPLETED', "completedAt" = now() WHERE id = $1::uuid`, [
    finished.campaignId,
  ]);

  await addContacts(tenantId, 150);
  const running = await runningCampaign(tenantId, { numberIds: [number.id] });
  // A running campaign as it looks mid-flight: some jobs already answered in each way.
  await pgPool().query(
    `WITH picked AS (
       SELECT id, row_number() OVER (ORDER BY id DESC) AS n FROM send_jobs WHERE "campaignId" = $1::uuid
     )
     UPDATE send_jobs j SET
       state = (CASE WHEN n <= 3 THEN 'SKIPPED' WHEN n <= 5 THEN 'FAILED' WHEN n <= 7 THEN 'SENT'
                     WHEN n <= 9 THEN 'DELIVERED' ELSE 'UNDELIVERED' END)::"SendJobState",
       "providerMessageId" = CASE WHEN n > 5 THEN 'SMdrill' || j.id END,
       "errorCode" = CASE WHEN n BETWEEN 4 AND 5 THEN '21211' WHEN n > 9 THEN '30007' END,
       gate = CASE WHEN n <= 3 THEN 'dnc' END,
       "finishedAt" = CASE WHEN n <= 5 OR n > 7 THEN now() END
     FROM picked WHERE picked.id = j.id AND n <= 11`,
    [running.campaignId],
  );

  return {
    tenantId,
    finishedCampaignId: finished.campaignId,
    runningCampaignId: running.campaignId,
    async startDrain(started) {
      let reached: () => void = () => {};
      const reachedStart = new Promise<void>((resolve) => (reached = resolve));
      const slow = recordingProvider(async () => {
        await sleep(10);
        if (slow.sent.length + 1 >= started) reached();
        return { ok: true, providerMessageId: '', status: 'queued' };
      });
      const finishedDrain = drainSendQueue({
        provider: slow,
        batchSize: 20,
        rateLimits: postgresRateLimitStore(),
        clock: () => MIDDAY_SYDNEY,
      });
      await Promise.race([reachedStart, finishedDrain]);
      return { finished: finishedDrain };
    },
  };
}
