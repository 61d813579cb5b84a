import { describe, expect, it } from 'vitest';
import { db } from '@/lib/db/client';
import { getContactTimeline } from '@/lib/contacts/get-contact-timeline';
import { optOutNumber } from '@/lib/contacts/opt-out';
import { inTransaction } from '@/lib/db/transaction';
import { applyStatusCallback } from '@/lib/delivery-status/apply-status-callback';
import { handleInboundMessage } from '@/lib/inbound/handle-inbound-message';
import { createTenant, signedInMember } from '../../support/fixtures';
import { actorFor } from '../../support/import-fixtures';

describe("a contact's message history", () => {
  it('shows what we sent with each status and error explained, and what they replied', async () => {
    const tenantId = (await createTenant('Timeline')).id;
    const actor = await actorFor(await signedInMember(tenantId, 'STAFF'), 'STAFF');
    const viewer = await actorFor(await signedInMember(tenantId, 'VIEWER'), 'VIEWER');
    await db().sendingNumber.create({ data: { tenantId, value: '+61400000777', kind: 'LONG_CODE' } });
    const contact = await db().contact.create({
      data: { tenantId, phoneE164: '+61412345678', consentStatus: 'EXPLICIT' },
    });
    const campaign = await db().campaign.create({ data: { tenantId, name: 'Winter sale' } });
    await db().sendJob.create({
      data: {
        tenantId,
        campaignId: campaign.id,
        contactId: contact.id,
        toE164: contact.phoneE164,
        state: 'SENDING',
        providerMessageId: 'SMtimeline1',
        body: 'Winter sale starts now',
        createdAt: new Date(Date.now() - 60_000),
      },
    });

    const undelivered = { MessageSid: 'SMtimeline1', MessageStatus: 'undelivered', ErrorCode: '30003' };
    await applyStatusCallback({ callback: undelivered, payload: undelivered });
    await handleInboundMessage({
      message: { MessageSid: 'SMreply1', From: '+61412345678', To: '+61400000777', Body: 'who is this?' },
      payload: {},
    });

    const timeline = await getContactTimeline({ actor, contactId: contact.id });
    expect(timeline.map((t) => [t.kind, t.title, t.detail])).toEqual([
      ['inbound', 'Replied — possibly asking to opt out; read it and opt them out if so', 'who is this?'],
      ['message', 'Winter sale: undelivered (error 30003)', 'The handset is switched off or out of coverage.'],
      ['message', 'Queued for “Winter sale”', 'Winter sale starts now'],
    ]);
    // A viewer follows what happened but reads neither what was sent nor what was replied.
    const viewed = await getContactTimeline({ actor: viewer, contactId: contact.id });
    expect(viewed.map((t) => [t.kind, t.title, t.detail])).toEqual([
      ['inbound', 'Replied — possibly asking to opt out; read it and opt them out if so', null],
      ['message', 'Winter sale: undelivered (error 30003)', 'The handset is switched off or out of coverage.'],
      ['message', 'Queued for “Winter sale”', null],
    ]);
  });
});

describe("a contact's timeline beside the messages", () => {
  it('shows the clicks on their link, a preview told apart, and their opt-out', async () => {
    const tenantId = (await createTenant('Timeline clicks')).id;
    const actor = await actorFor(await signedInMember(tenantId, 'STAFF'), 'STAFF');
    const contact = await db().contact.create({
      data: { tenantId, phoneE164: '+61412345999', consentStatus: 'EXPLICIT' },
    });
    const campaign = await db().campaign.create({ data: { tenantId, name: 'Spring' } });
    const job = await db().sendJob.create({
      data: {
        tenantId,
        campaignId: campaign.id,
        contactId: contact.id,
        toE164: contact.phoneE164,
        state: 'DELIVERED',
        createdAt: new Date(Date.now() - 120_000),
      },
    });
    const link = await db().shortLink.create({
      data: {
        tenantId,
        token: `timeline-${contact.id}`,
        campaignId: campaign.id,
        sendJobId: job.id,
        targetUrl: 'https://shop.example.com.au/spring',
        expiresAt: new Date(Date.now() + 86_400_000),
      },
    });
    await db().click.createMany({
      data: [
        {
          tenantId,
          shortLinkId: link.id,
          campaignId: campaign.id,
          isBot: true,
          botReason: 'link preview',
          visitorHash: 'a',
          occurredAt: new Date(Date.now() - 90_000),
        },
        {
          tenantId,
          shortLinkId: link.id,
          campaignId: campaign.id,
          isBot: false,
          visitorHash: 'b',
          occurredAt: new Date(Date.now() - 60_000),
        },
      ],
    });
    await inTransaction((tx) =>
      optOutNumber(tx, { tenantId, phoneE164: contact.phoneE164, source: 'STOP_REPLY', reason: 'STOP' }),
    );

    const timeline = await getContactTimeline({ actor, contactId: contact.id });
    expect(timeline.filter((t) => t.kind !== 'message').map((t) => [t.kind, t.title, t.detail])).toEqual([
      ['consent', 'Opted out', 'stop reply'],
      ['click', 'Spring: opened the link', null],
      ['click', 'Spring: link checked by a bot or preview', 'link preview'],
    ]);
  });
});
