import { describe, expect, it } from 'vitest';
import { db } from '@/lib/db/client';
import { inTransaction } from '@/lib/db/transaction';
import { buildSendQueue } from '@/lib/sending/build-send-queue';
import { addContacts, runningCampaign, sendingNumber, sendingTenant } from '../../support/sending-fixtures';

describe('the queue builder', () => {
  it('queues each sendable contact once: building again adds only contacts who joined since', async () => {
    const tenantId = await sendingTenant();
    const number = await sendingNumber(tenantId);
    await addContacts(tenantId, 10);
    const { campaignId, queued } = await runningCampaign(tenantId, { numberIds: [number.id] });
    expect(queued).toBe(10);
    const build = () =>
      inTransaction((tx) =>
        buildSendQueue(tx, { tenantId, campaignId, audience: { kind: 'all' }, startAt: new Date(), now: new Date() }),
      );

    expect((await build()).queued).toBe(0);
    await addContacts(tenantId, 3);
    expect((await build()).queued).toBe(3);
    expect(await db().sendJob.count({ where: { campaignId } })).toBe(13);
  });

  it('two builds of one campaign at the same moment still queue each contact once', async () => {
    const tenantId = await sendingTenant();
    const number = await sendingNumber(tenantId);
    const { campaignId } = await runningCampaign(tenantId, { numberIds: [number.id] });
    await addContacts(tenantId, 500);
    const build = () =>
      inTransaction((tx) =>
        buildSendQueue(tx, { tenantId, campaignId, audience: { kind: 'all' }, startAt: new Date(), now: new Date() }),
      );

    const results = await Promise.all([build(), build(), build()]);

    expect(results.map((r) => r.queued).sort((a, b) => a - b)).toEqual([0, 0, 500]);
    expect(await db().sendJob.count({ where: { campaignId } })).toBe(500);
  });

  it('leaves out and counts contacts who cannot be messaged, and honours the audience', async () => {
    const tenantId = await sendingTenant();
    const number = await sendingNumber(tenantId);
    const [dnc, suppressed, ...rest] = await addContacts(tenantId, 6);
    await addContacts(tenantId, 2, { consent: 'UNKNOWN' });
    await db().dncEntry.create({ data: { tenantId, phoneE164: dnc.phoneE164, source: 'ADMIN' } });
    await db().suppression.create({
      data: { tenantId, phoneE164: suppressed.phoneE164, reason: 'bounced', expiresAt: new Date('2099-01-01') },
    });
    await db().contact.create({ data: { tenantId, phoneE164: '+61298765432', consentStatus: 'EXPLICIT' } });
    await db().contact.update({ where: { id: rest[0].id }, data: { tags: ['vip'] } });

    const all = await runningCampaign(tenantId, { numberIds: [number.id] });
    expect(all).toMatchObject({
      queued: 4,
      audience: 9,
      excluded: { opted_out: 1, suppressed: 1, no_consent: 2, invalid_number: 1 },
    });
    const vips = await runningCampaign(tenantId, {
      numberIds: [number.id],
      audience: { kind: 'filter', consent: ['EXPLICIT'], tagsAny: ['vip'] },
    });
    expect(vips).toMatchObject({ queued: 1, audience: 1 });
  });
});
