import { beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '@/lib/auth/actor';
import { addNumberToDnc } from '@/lib/contacts/add-number-to-dnc';
import { DncQuerySchema } from '@/lib/contacts/dnc-schemas';
import { exportDncEntries } from '@/lib/contacts/export-dnc-entries';
import { listDncEntries } from '@/lib/contacts/list-dnc-entries';
import { removeNumberFromDnc } from '@/lib/contacts/remove-number-from-dnc';
import { db } from '@/lib/db/client';
import { signedInMember } from '../../support/fixtures';
import { actorFor, dryRunFile } from '../../support/import-fixtures';
import { addContacts, runningCampaign, sendingNumber, sendingTenant } from '../../support/sending-fixtures';
import { refusalOf } from '../../support/refusal';

let tenantId: string;
let staff: Actor;
let admin: Actor;

beforeAll(async () => {
  tenantId = await sendingTenant({ name: 'Hand DNC' });
  staff = await actorFor(await signedInMember(tenantId, 'STAFF'), 'STAFF');
  admin = await actorFor(await signedInMember(tenantId, 'ADMIN'), 'ADMIN');
});

describe('staff opt a number out by hand', () => {
  it("skips the contact's queued message at once, marks the contact opted out and audits who did it and why", async () => {
    const number = await sendingNumber(tenantId);
    const [contact] = await addContacts(tenantId, 1);
    const { campaignId } = await runningCampaign(tenantId, { numberIds: [number.id] });
    const national = `0${contact.phoneE164.slice(3)}`;

    const result = await addNumberToDnc({
      actor: staff,
      input: { phone: national, channel: 'PHONE_CALL', note: 'rang the Fitzroy store' },
    });

    expect(result).toEqual({ phoneE164: contact.phoneE164, contactId: contact.id, skippedJobs: 1 });
    const job = await db().sendJob.findFirstOrThrow({
      where: { campaignId },
      select: { state: true, gateReason: true },
    });
    expect(job).toEqual({ state: 'SKIPPED', gateReason: 'opted out' });
    expect(
      await db().contact.findUniqueOrThrow({ where: { id: contact.id }, select: { optedOutAt: true } }),
    ).toMatchObject({ optedOutAt: expect.any(Date) });
    expect(
      await db().dncEntry.findUniqueOrThrow({
        where: { tenantId_phoneE164: { tenantId, phoneE164: contact.phoneE164 } },
        select: { source: true, reason: true, createdById: true },
      }),
    ).toEqual({ source: 'ADMIN', reason: 'Asked in a phone call: rang the Fitzroy store', createdById: staff.userId });
    expect(
      await db().auditLog.findFirst({
        where: { tenantId, action: 'dnc.added', entityId: contact.phoneE164 },
        select: { actorUserId: true },
      }),
    ).toEqual({ actorUserId: staff.userId });
  });

  it('keeps a number that is no contact off the list of anyone a later import would add', async () => {
    await addNumberToDnc({ actor: staff, input: { phone: '+61 498 000 111', channel: 'COMPLAINT', note: '' } });
    const batchId = await dryRunFile(staff, 'phone,first,last,consent,tags\n0498000111,Kim,Lee,explicit,\n');
    const row = await db().importRow.findFirstOrThrow({ where: { batchId }, select: { decision: true, reason: true } });
    expect(row.decision).toBe('REJECT');
    expect(row.reason).toMatch(/do-not-contact/);
  });

  it('refuses a number already on the list, and one that is not a phone number, in words', async () => {
    await addNumberToDnc({ actor: staff, input: { phone: '0498 000 222', channel: 'EMAIL', note: '' } });
    const twice = await refusalOf(
      addNumberToDnc({ actor: staff, input: { phone: '0498000222', channel: 'EMAIL', note: '' } }),
    );
    expect(twice.code).toBe('conflict');
    expect(twice.message).toBe('+61498000222 is already on the do-not-contact list.');
    const notPhone = await refusalOf(
      addNumberToDnc({ actor: staff, input: { phone: 'call me', channel: 'OTHER', note: '' } }),
    );
    expect(notPhone.message).toBe('“call me” cannot go on the list: phone number contains letters or symbols.');
  });

  it('lets an admin take a number off with a reason, audited with what had put it there', async () => {
    await addNumberToDnc({ actor: staff, input: { phone: '0498 000 333', channel: 'IN_PERSON', note: '' } });
    await removeNumberFromDnc({ actor: admin, phone: '0498 000 333', reason: 'Re-joined in store on 3 May' });
    expect(await db().dncEntry.count({ where: { tenantId, phoneE164: '+61498000333' } })).toBe(0);
    expect(
      await db().auditLog.findFirst({
        where: { tenantId, action: 'dnc.removed', entityId: '+61498000333' },
        select: { actorUserId: true, details: true },
      }),
    ).toEqual({
      actorUserId: admin.userId,
      details: { reason: 'Re-joined in store on 3 May', previousSource: 'ADMIN' },
    });
    const again = await refusalOf(removeNumberFromDnc({ actor: admin, phone: '0498 000 333', reason: 'once more' }));
    expect(again.message).toBe('+61498000333 is not on the do-not-contact list.');
  });

  it('finds entries by the number as typed or by reason, and exports the filtered list as CSV', async () => {
    await addNumberToDnc({ actor: staff, input: { phone: '0498 000 444', channel: 'COMPLAINT', note: 'rude' } });
    const byNumber = await listDncEntries({ actor: staff, query: DncQuerySchema.parse({ q: '0498 000 444' }) });
    expect(byNumber.entries.map((e) => [e.phoneE164, e.reason, e.createdBy])).toEqual([
      ['+61498000444', 'Complained: rude', staff.email],
    ]);
    const byReason = await listDncEntries({ actor: staff, query: DncQuerySchema.parse({ q: 'complained' }) });
    expect(byReason.entries.map((e) => e.phoneE164).sort()).toEqual(['+61498000111', '+61498000444']);

    let csv = '';
    for await (const chunk of exportDncEntries({ actor: staff, query: { q: 'complained' } })) csv += chunk;
    const lines = csv.trim().split(/\r?\n/);
    expect(lines[0]).toBe('phone,source,reason,added,added by');
    // A leading + could start a spreadsheet formula, so the writer quotes it with an apostrophe.
    expect(lines.slice(1).map((l) => l.split(',').slice(0, 3).join(','))).toEqual([
      "'+61498000111,Added by staff,Complained",
      "'+61498000444,Added by staff,Complained: rude",
    ]);
  });
});
