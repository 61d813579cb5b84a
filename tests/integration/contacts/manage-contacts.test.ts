import { beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '@/lib/auth/actor';
import { ContactDetailsSchema, NewContactSchema } from '@/lib/contacts/contact-input';
import { createContact } from '@/lib/contacts/create-contact';
import { getContactHistory } from '@/lib/contacts/get-contact-history';
import { updateContact } from '@/lib/contacts/update-contact';
import { db } from '@/lib/db/client';
import { createTenant, signedInMember } from '../../support/fixtures';
import { actorFor } from '../../support/import-fixtures';
import { refusalOf } from '../../support/refusal';

let tenantId: string;
let staff: Actor;
let viewer: Actor;

beforeAll(async () => {
  tenantId = (await createTenant('Manage')).id;
  staff = await actorFor(await signedInMember(tenantId, 'STAFF'), 'STAFF');
  viewer = await actorFor(await signedInMember(tenantId, 'VIEWER'), 'VIEWER');
});

describe('staff manage contacts by hand', () => {
  it('adds a contact with its number normalised and its consent recorded with who took it, how and the proof', async () => {
    const { id } = await createContact({
      actor: staff,
      input: NewContactSchema.parse({
        phone: '0412 888 001',
        firstName: ' Ava ',
        state: 'VIC',
        tags: ['vip', 'vip', ' fitzroy '],
        customFields: { store: 'Fitzroy' },
        consentStatus: 'EXPLICIT',
        consentSource: 'signed up at the Fitzroy counter',
        consentProof: 'paper form #1042',
      }),
    });
    const contact = await db().contact.findUniqueOrThrow({
      where: { id },
      select: {
        phoneE164: true,
        firstName: true,
        tags: true,
        consentStatus: true,
        consentSource: true,
        customFields: true,
      },
    });
    expect(contact).toEqual({
      phoneE164: '+61412888001',
      firstName: 'Ava',
      tags: ['vip', 'fitzroy'],
      consentStatus: 'EXPLICIT',
      consentSource: 'signed up at the Fitzroy counter',
      customFields: { store: 'Fitzroy' },
    });
    const [event] = await db().consentEvent.findMany({
      where: { contactId: id },
      select: { action: true, actorUserId: true, details: true },
    });
    expect(event).toEqual({
      action: 'GRANTED',
      actorUserId: staff.userId,
      details: { proof: 'paper form #1042', recordedBy: staff.email },
    });
  });

  it('refuses a duplicate, a landline, a number on the do-not-contact list and consent without its source, in words', async () => {
    const base = { consentStatus: 'EXPLICIT', consentSource: 'web form' };
    const twice = await refusalOf(
      createContact({ actor: staff, input: NewContactSchema.parse({ ...base, phone: '+61412888001' }) }),
    );
    expect(twice.message).toBe('+61412888001 is already a contact; edit that contact instead.');
    const landline = await refusalOf(
      createContact({ actor: staff, input: NewContactSchema.parse({ ...base, phone: '(03) 9123 4567' }) }),
    );
    expect(landline.message).toBe('+61391234567 is a landline, which cannot receive text messages.');
    await db().dncEntry.create({ data: { tenantId, phoneE164: '+61412888002', source: 'STOP_REPLY' } });
    const listed = await refusalOf(
      createContact({ actor: staff, input: NewContactSchema.parse({ ...base, phone: '0412888002' }) }),
    );
    expect(listed.message).toMatch(/on the do-not-contact list; an admin must take it off/);
    const noSource = NewContactSchema.safeParse({ phone: '0412888003', consentStatus: 'IMPLIED' });
    expect(noSource.success).toBe(false);
    expect(noSource.error?.issues[0].message).toMatch(/Say how they consented/);
  });

  it('records every edit on the contact’s history with who made it, from what to what; a viewer sees only that it changed', async () => {
    const { id } = await createContact({
      actor: staff,
      input: NewContactSchema.parse({ phone: '0412 888 004', firstName: 'Bo', consentStatus: 'UNKNOWN' }),
    });
    const result = await updateContact({
      actor: staff,
      contactId: id,
      input: ContactDetailsSchema.parse({ firstName: 'Bo', lastName: 'Lee', postcode: '3065', tags: ['vip'] }),
    });
    expect(result.changed.sort()).toEqual(['lastName', 'postcode', 'tags']);
    const history = await getContactHistory({ actor: staff, contactId: id });
    expect(history.map((h) => [h.what, h.who])).toEqual([
      ['Edited a contact', staff.email],
      ['Added a contact by hand', staff.email],
    ]);
    expect(history[0].changes).toEqual(
      expect.arrayContaining([
        { field: 'lastName', from: null, to: 'Lee' },
        { field: 'postcode', from: null, to: '3065' },
        { field: 'tags', from: [], to: ['vip'] },
      ]),
    );
    expect((await getContactHistory({ actor: viewer, contactId: id }))[0].changes).toEqual([]);
    // Saving the same details again records nothing.
    expect(
      (
        await updateContact({
          actor: staff,
          contactId: id,
          input: ContactDetailsSchema.parse({ firstName: 'Bo', lastName: 'Lee', postcode: '3065', tags: ['vip'] }),
        })
      ).changed,
    ).toEqual([]);
    expect(await getContactHistory({ actor: staff, contactId: id })).toHaveLength(2);
  });

  it('refuses a postcode that is not four digits and an e-mail that is not one', () => {
    const bad = ContactDetailsSchema.safeParse({ postcode: '30650', email: 'bo at example' });
    expect(bad.error?.issues.map((i) => i.message).sort()).toEqual([
      'An Australian postcode has four digits.',
      'That is not an e-mail address.',
    ]);
  });
});
