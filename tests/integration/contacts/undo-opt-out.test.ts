import { describe, expect, it } from 'vitest';
import { DELETE } from '@/app/api/contacts/[contactId]/opt-out/route';
import { db } from '@/lib/db/client';
import { callRoute, createTenant, signedInMember } from '../../support/fixtures';

describe('undoing an opt-out', () => {
  it('lets an admin take a contact off DNC with a reason, recorded in the audit log and consent history', async () => {
    const tenantId = (await createTenant('Undo')).id;
    const admin = await signedInMember(tenantId, 'ADMIN');
    const contact = await db().contact.create({
      data: { tenantId, phoneE164: '+61412345678', optedOutAt: new Date() },
    });
    await db().dncEntry.create({ data: { tenantId, phoneE164: '+61412345678', source: 'STOP_REPLY' } });

    const refused = await callRoute(DELETE, {
      method: 'DELETE',
      path: '/x',
      cookie: admin.cookie,
      params: { contactId: contact.id },
      body: { reason: '' },
    });
    expect(refused.status).toBe(422);
    expect(await db().dncEntry.count({ where: { tenantId } })).toBe(1);

    const res = await callRoute(DELETE, {
      method: 'DELETE',
      path: '/x',
      cookie: admin.cookie,
      params: { contactId: contact.id },
      body: { reason: 'Customer asked by phone on 3 May' },
    });
    expect(res.status).toBe(200);
    expect(await db().dncEntry.count({ where: { tenantId } })).toBe(0);
    expect((await db().contact.findUniqueOrThrow({ where: { id: contact.id } })).optedOutAt).toBeNull();
    expect(
      await db().auditLog.findFirst({
        where: { tenantId, action: 'contact.opt_out_undone' },
        select: { actorUserId: true, details: true },
      }),
    ).toEqual({
      actorUserId: admin.userId,
      details: { reason: 'Customer asked by phone on 3 May', previousSource: 'STOP_REPLY' },
    });
    expect(
      await db().consentEvent.findFirst({
        where: { contactId: contact.id },
        select: { action: true, actorUserId: true },
      }),
    ).toEqual({ action: 'OPTED_IN', actorUserId: admin.userId });
  });
});
