import { describe, expect, it } from 'vitest';
import { eraseContact } from '@/lib/contacts/erase-contact';
import { foldInboundMessages } from '@/lib/conversations/fold-inbound-messages';
import { db } from '@/lib/db/client';
import { pgPool } from '@/lib/db/pg-pool';
import { handleInboundMessage } from '@/lib/inbound/handle-inbound-message';
import { campaignReport } from '@/lib/reports/campaign-report';
import { signedInMember } from '../../support/fixtures';
import { actorFor, dryRunFile } from '../../support/import-fixtures';
import { runningCampaign, sendingNumber, sendingTenant } from '../../support/sending-fixtures';

describe('erasing a person on request', () => {
  it('removes their personal data and message texts, keeps their number on the do-not-contact list and the campaign figures true', async () => {
    const tenantId = await sendingTenant({ name: 'Erase' });
    const admin = await actorFor(await signedInMember(tenantId, 'ADMIN'), 'ADMIN');
    const number = await sendingNumber(tenantId);
    const contact = await db().contact.create({
      data: {
        tenantId,
        phoneE164: '+61412777001',
        firstName: 'Ruth',
        lastName: 'Private',
        email: 'ruth@example.com',
        tags: ['vip'],
        customFields: { store: 'Fitzroy' },
        consentStatus: 'EXPLICIT',
        consentEvents: { create: { tenantId, action: 'GRANTED', status: 'EXPLICIT', source: 'signup form' } },
      },
    });
    const sent = await runningCampaign(tenantId, { numberIds: [number.id] });
    await pgPool().query(
      `UPDATE send_jobs SET state = 'DELIVERED', body = 'Hi Ruth, sale on', "providerMessageId" = 'SMerase1'
        WHERE "campaignId" = $1::uuid`,
      [sent.campaignId],
    );
    const queued = await runningCampaign(tenantId, { numberIds: [number.id] });
    await handleInboundMessage({
      message: { MessageSid: 'SMeraseReply', From: contact.phoneE164, To: number.value, Body: 'Ruth here, call me' },
      payload: {},
    });
    await foldInboundMessages(pgPool(), { tenantId });

    await eraseContact({ actor: admin, contactId: contact.id, reason: 'Customer e-mailed on 3 May' });

    expect(await db().contact.count({ where: { tenantId, phoneE164: contact.phoneE164 } })).toBe(0);
    expect(await db().consentEvent.count({ where: { contactId: contact.id } })).toBe(0);
    const jobs = await db().sendJob.findMany({
      where: { tenantId, contactId: contact.id },
      select: { campaignId: true, state: true, body: true },
    });
    expect(jobs).toEqual(
      expect.arrayContaining([
        { campaignId: sent.campaignId, state: 'DELIVERED', body: null },
        { campaignId: queued.campaignId, state: 'SKIPPED', body: null },
      ]),
    );
    const replies = await db().inboundMessage.findMany({
      where: { tenantId, fromE164: contact.phoneE164 },
      select: { body: true, contactId: true },
    });
    expect(replies).toEqual([{ body: '', contactId: null }]);
    expect(
      await db().conversation.findMany({ where: { tenantId }, select: { remoteE164: true, lastInboundBody: true } }),
    ).toEqual([{ remoteE164: contact.phoneE164, lastInboundBody: '' }]);
    expect(
      await db().dncEntry.findUniqueOrThrow({
        where: { tenantId_phoneE164: { tenantId, phoneE164: contact.phoneE164 } },
        select: { reason: true },
      }),
    ).toEqual({ reason: 'Erased on request: Customer e-mailed on 3 May' });
    const audit = await db().auditLog.findFirstOrThrow({
      where: { tenantId, action: 'contact.erased' },
      select: { entityId: true, details: true },
    });
    expect(audit).toEqual({ entityId: contact.id, details: { reason: 'Customer e-mailed on 3 May' } });
    expect(JSON.stringify(audit)).not.toMatch(/Ruth|ruth@|Fitzroy/);

    const report = await campaignReport({ actor: admin });
    expect(report.find((r) => r.id === sent.campaignId)).toMatchObject({ sent: 1, delivered: 1 });

    // The number can never come back through an import.
    const batchId = await dryRunFile(admin, 'phone,first,last,consent,tags\n0412 777 001,Ruth,Private,explicit,\n');
    const row = await db().importRow.findFirstOrThrow({ where: { batchId }, select: { decision: true, reason: true } });
    expect(row.decision).toBe('REJECT');
    expect(row.reason).toMatch(/do-not-contact/);
  });
});
