import twilio from 'twilio';
import { beforeEach, describe, expect, it } from 'vitest';
import { POST } from '@/app/api/webhooks/twilio/status/route';
import { optInNumber } from '@/lib/contacts/opt-in';
import { db } from '@/lib/db/client';
import { inTransaction } from '@/lib/db/transaction';
import { webhookAuthToken } from '@/lib/providers/provider-config';
import { createTenant } from '../../support/fixtures';

const PUBLIC_URL = 'http://localhost:3000/api/webhooks/twilio/status';
let counter = 0;

function callback(fields: Record<string, string>, headers: Record<string, string> = {}) {
  const signature = twilio.getExpectedTwilioSignature(webhookAuthToken(), PUBLIC_URL, fields);
  return new Request('http://10.0.0.5:3000/api/webhooks/twilio/status', {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': signature, ...headers },
    body: new URLSearchParams(fields).toString(),
  });
}

describe('POST /api/webhooks/twilio/status', () => {
  let tenantId: string;
  let jobId: bigint;
  let contactId: string;
  let sid: string;

  beforeEach(async () => {
    tenantId = (await createTenant('Status')).id;
    sid = `SM${String(++counter).padStart(32, 'a')}`;
    contactId = (
      await db().contact.create({ data: { tenantId, phoneE164: '+61412345678', consentStatus: 'EXPLICIT' } })
    ).id;
    const campaign = await db().campaign.create({ data: { tenantId, name: 'Sale' } });
    jobId = (
      await db().sendJob.create({
        data: {
          tenantId,
          campaignId: campaign.id,
          contactId,
          toE164: '+61412345678',
          state: 'SENDING',
          providerMessageId: sid,
        },
      })
    ).id;
  });

  async function job() {
    return db().sendJob.findUniqueOrThrow({
      where: { id: jobId },
      select: { state: true, errorCode: true, errorMessage: true, sentAt: true, deliveredAt: true },
    });
  }

  it('moves the job through sent to delivered and keeps its history', async () => {
    expect((await POST(callback({ MessageSid: sid, MessageStatus: 'sent' }))).status).toBe(204);
    expect((await job()).state).toBe('SENT');
    await POST(callback({ MessageSid: sid, MessageStatus: 'delivered' }));
    const done = await job();
    expect(done.state).toBe('DELIVERED');
    expect(done.deliveredAt).not.toBeNull();
    expect(
      await db().sendJobEvent.findMany({
        where: { sendJobId: jobId },
        orderBy: { id: 'asc' },
        select: { state: true },
      }),
    ).toEqual([{ state: 'SENT' }, { state: 'DELIVERED' }]);
  });

  it('never moves a delivered job back when a late "sent" arrives', async () => {
    await POST(callback({ MessageSid: sid, MessageStatus: 'delivered' }));
    await POST(callback({ MessageSid: sid, MessageStatus: 'sent' }));
    expect((await job()).state).toBe('DELIVERED');
  });

  it('treats a callback Twilio sends twice as a no-op, with or without its idempotency token', async () => {
    await POST(callback({ MessageSid: sid, MessageStatus: 'sent' }, { 'i-twilio-idempotency-token': 'tok-1' }));
    await POST(callback({ MessageSid: sid, MessageStatus: 'sent' }, { 'i-twilio-idempotency-token': 'tok-1' }));
    await POST(callback({ MessageSid: sid, MessageStatus: 'delivered' }));
    await POST(callback({ MessageSid: sid, MessageStatus: 'delivered' }));
    expect(await db().sendJobEvent.count({ where: { sendJobId: jobId } })).toBe(2);
    expect(await db().webhookEvent.count({ where: { messageSid: sid } })).toBe(2);
  });

  it('recognises a replayed signed callback whatever idempotency token it carries, or none', async () => {
    const sent = { MessageSid: sid, MessageStatus: 'sent' };
    await POST(callback(sent, { 'i-twilio-idempotency-token': 'tok-1' }));
    expect((await POST(callback(sent, { 'i-twilio-idempotency-token': 'tok-forged' }))).status).toBe(204);
    expect((await POST(callback(sent))).status).toBe(204);
    expect(await db().sendJobEvent.count({ where: { sendJobId: jobId } })).toBe(1);
    expect(await db().webhookEvent.count({ where: { messageSid: sid } })).toBe(1);
  });

  it('applies two different callbacks for one message that carry the same idempotency token', async () => {
    const token = { 'i-twilio-idempotency-token': 'tok-shared' };
    await POST(callback({ MessageSid: sid, MessageStatus: 'sent' }, token));
    await POST(callback({ MessageSid: sid, MessageStatus: 'delivered' }, token));
    expect((await job()).state).toBe('DELIVERED');
    expect(await db().webhookEvent.count({ where: { messageSid: sid } })).toBe(2);
  });

  it('does not opt out again a number that opted back in when an old 21610 failure is replayed', async () => {
    const failed = { MessageSid: sid, MessageStatus: 'failed', ErrorCode: '21610' };
    await POST(callback(failed, { 'i-twilio-idempotency-token': 'tok-1' }));
    await inTransaction((tx) => optInNumber(tx, { tenantId, phoneE164: '+61412345678', source: 'START reply' }));
    await POST(callback(failed, { 'i-twilio-idempotency-token': 'tok-replayed' }));
    expect(await db().dncEntry.count({ where: { tenantId } })).toBe(0);
    expect((await db().contact.findUniqueOrThrow({ where: { id: contactId } })).optedOutAt).toBeNull();
  });

  it("records a failure with Twilio's code and a human explanation", async () => {
    await POST(callback({ MessageSid: sid, MessageStatus: 'undelivered', ErrorCode: '30003' }));
    expect(await job()).toMatchObject({
      state: 'UNDELIVERED',
      errorCode: '30003',
      errorMessage: 'The handset is switched off or out of coverage.',
    });
  });

  it('puts the recipient on DNC when Twilio reports 21610 (opted out)', async () => {
    await POST(callback({ MessageSid: sid, MessageStatus: 'failed', ErrorCode: '21610' }));
    expect(await db().dncEntry.findFirst({ where: { tenantId }, select: { phoneE164: true, source: true } })).toEqual({
      phoneE164: '+61412345678',
      source: 'PROVIDER_OPTED_OUT',
    });
    expect((await db().contact.findUniqueOrThrow({ where: { id: contactId } })).optedOutAt).not.toBeNull();
  });

  it('refuses an unsigned callback and changes nothing', async () => {
    const res = await POST(
      new Request('http://localhost:3000/api/webhooks/twilio/status', {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: `MessageSid=${sid}&MessageStatus=delivered`,
      }),
    );
    expect(res.status).toBe(403);
    expect((await job()).state).toBe('SENDING');
    expect(await db().webhookEvent.count({ where: { messageSid: sid } })).toBe(0);
  });

  it('applies concurrent callbacks without ever landing on an earlier state', async () => {
    await Promise.all(
      ['sent', 'delivered', 'sent', 'queued'].map((status) =>
        POST(callback({ MessageSid: sid, MessageStatus: status })),
      ),
    );
    expect((await job()).state).toBe('DELIVERED');
  });
});

describe('a status callback for a message whose id the drain never recorded', () => {
  let tenantId: string;
  let jobId: bigint;

  beforeEach(async () => {
    tenantId = (await createTenant('Reconcile')).id;
    const contact = await db().contact.create({
      data: { tenantId, phoneE164: '+61412345699', consentStatus: 'EXPLICIT' },
    });
    const campaign = await db().campaign.create({ data: { tenantId, name: 'Sale' } });
    jobId = (
      await db().sendJob.create({
        data: {
          tenantId,
          campaignId: campaign.id,
          contactId: contact.id,
          toE164: '+61412345699',
          state: 'SENDING',
          costMicros: 55_000,
          parts: 1,
        },
      })
    ).id;
  });

  function signedFor(job: bigint, fields: Record<string, string>) {
    const url = `${PUBLIC_URL}?sj=${job}`;
    return new Request(`http://10.0.0.5:3000/api/webhooks/twilio/status?sj=${job}`, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        'x-twilio-signature': twilio.getExpectedTwilioSignature(webhookAuthToken(), url, fields),
      },
      body: new URLSearchParams(fields).toString(),
    });
  }

  it('finds its job through the job named in the callback URL, records the id and charges it once', async () => {
    expect(
      (
        await POST(
          signedFor(jobId, {
            MessageSid: 'SMrecovered0000000000000000000001',
            MessageStatus: 'sent',
            To: '+61412345699',
          }),
        )
      ).status,
    ).toBe(204);
    expect(
      await db().sendJob.findUniqueOrThrow({ where: { id: jobId }, select: { providerMessageId: true, state: true } }),
    ).toEqual({ providerMessageId: 'SMrecovered0000000000000000000001', state: 'SENT' });
    expect(await db().spendLedgerEntry.count({ where: { sendJobId: jobId } })).toBe(1);
  });

  it('takes a job queued again out of the queue, since the message did go', async () => {
    await db().sendJob.update({ where: { id: jobId }, data: { state: 'QUEUED' } });
    await POST(
      signedFor(jobId, {
        MessageSid: 'SMrecovered0000000000000000000002',
        MessageStatus: 'delivered',
        To: '+61412345699',
      }),
    );
    expect(await db().sendJob.findUniqueOrThrow({ where: { id: jobId }, select: { state: true } })).toEqual({
      state: 'DELIVERED',
    });
  });

  it('ignores a callback whose recipient is not the job’s', async () => {
    await POST(
      signedFor(jobId, { MessageSid: 'SMrecovered0000000000000000000003', MessageStatus: 'sent', To: '+61400000000' }),
    );
    expect(
      await db().sendJob.findUniqueOrThrow({ where: { id: jobId }, select: { providerMessageId: true, state: true } }),
    ).toEqual({ providerMessageId: null, state: 'SENDING' });
  });
});
