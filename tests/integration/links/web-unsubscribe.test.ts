import { beforeEach, describe, expect, it } from 'vitest';
import { GET, POST } from '@/app/u/[token]/route';
import { db } from '@/lib/db/client';
import { signUnsubscribeToken } from '@/lib/links/unsubscribe-token';
import { postgresRateLimitStore } from '@/lib/rate-limit/postgres-store';
import { drainSendQueue } from '@/lib/sending/drain/drain-send-queue';
import {
  addContacts,
  MIDDAY_SYDNEY,
  recordingProvider,
  runningCampaign,
  sendingNumber,
  sendingTenant,
} from '../../support/sending-fixtures';

function call(handler: typeof GET, token: string) {
  return handler(new Request(`http://localhost:3000/u/${token}`, { method: handler === GET ? 'GET' : 'POST' }), {
    params: Promise.resolve({ token }),
  });
}

describe('the web unsubscribe link in messages from an alphanumeric sender', () => {
  let tenantId: string;
  let phone: string;
  let token: string;
  let laterJobId: bigint;

  beforeEach(async () => {
    await db().sendJob.deleteMany();
    tenantId = await sendingTenant();
    const sender = await sendingNumber(tenantId, { kind: 'ALPHANUMERIC', value: 'AcmeShoes' });
    const [contact] = await addContacts(tenantId, 1);
    phone = contact.phoneE164;
    await runningCampaign(tenantId, { numberIds: [sender.id] });
    const provider = recordingProvider();
    await drainSendQueue({ provider, rateLimits: postgresRateLimitStore(), clock: () => MIDDAY_SYDNEY });
    const match = /\nFrom Acme\. Opt out: \S+\/u\/(\S+)$/.exec(provider.sent[0].body);
    expect(match, 'the message carries a web unsubscribe link instead of "Reply STOP"').not.toBeNull();
    token = match![1];
    const later = await runningCampaign(tenantId, {
      numberIds: [sender.id],
      startAt: new Date('2027-01-01T00:00:00Z'),
    });
    laterJobId = (
      await db().sendJob.findFirstOrThrow({ where: { campaignId: later.campaignId }, select: { id: true } })
    ).id;
  });

  it('opening the link only asks: nothing changes until the person presses the button', async () => {
    const res = await call(GET, token);
    const html = await res.text();
    expect(res.status).toBe(200);
    expect(html).toContain('Stop all messages from Acme to the number ending');
    expect(html).toContain(phone.slice(-3));
    expect(html).not.toContain(phone);
    expect(await db().dncEntry.count({ where: { tenantId } })).toBe(0);
  });

  it('pressing it puts the number on the DNC list at once, skips waiting messages, and pressing again changes nothing', async () => {
    const res = await call(POST, token);
    expect(await res.text()).toContain('You are unsubscribed');
    expect(await db().dncEntry.findFirst({ where: { tenantId, phoneE164: phone }, select: { source: true } })).toEqual({
      source: 'WEB_UNSUBSCRIBE',
    });
    expect(
      await db().sendJob.findUniqueOrThrow({ where: { id: laterJobId }, select: { state: true, gateReason: true } }),
    ).toEqual({ state: 'SKIPPED', gateReason: 'opted out' });
    expect(await db().consentEvent.count({ where: { tenantId, action: 'OPTED_OUT', source: 'web_unsubscribe' } })).toBe(
      1,
    );

    await call(POST, token);
    expect(await db().dncEntry.count({ where: { tenantId } })).toBe(1);
    expect(await db().consentEvent.count({ where: { tenantId, action: 'OPTED_OUT' } })).toBe(1);
    expect(await (await call(GET, token)).text()).toContain('You are unsubscribed');
  });

  it('a tampered link is refused with a friendly page and unsubscribes nobody', async () => {
    const tampered = `${token.slice(0, -1)}${token.endsWith('A') ? 'B' : 'A'}`;
    const res = await call(POST, tampered);
    expect(res.status).toBe(404);
    expect(await res.text()).toContain('not valid');
    expect(await db().dncEntry.count({ where: { tenantId } })).toBe(0);
  });

  it('the link in a staff test message says it was a test', async () => {
    const res = await call(POST, signUnsubscribeToken(0n));
    expect(await res.text()).toContain('This was a test message');
  });
});
