import { beforeEach, describe, expect, it } from 'vitest';
import { DELETE, GET, PATCH } from '@/app/api/campaigns/[campaignId]/route';
import { POST as AUDIENCE_SIZE } from '@/app/api/campaigns/audience-size/route';
import { GET as LIST, POST } from '@/app/api/campaigns/route';
import { countAudience } from '@/lib/audiences/count-audience';
import type { Actor } from '@/lib/auth/actor';
import { db } from '@/lib/db/client';
import { callRoute, createTenant, signedInMember, type SignedInMember } from '../../support/fixtures';
import { actorFor } from '../../support/import-fixtures';

const IN_A_WEEK = new Date(Date.now() + 7 * 86_400_000);

function createCampaign(member: SignedInMember, body: unknown) {
  return callRoute(POST, { method: 'POST', path: '/api/campaigns', cookie: member.cookie, body });
}

function editCampaign(member: SignedInMember, campaignId: string, body: unknown) {
  return callRoute(PATCH, {
    method: 'PATCH',
    path: `/api/campaigns/${campaignId}`,
    cookie: member.cookie,
    params: { campaignId },
    body,
  });
}

function deleteCampaign(member: SignedInMember, campaignId: string) {
  return callRoute(DELETE, {
    method: 'DELETE',
    path: `/api/campaigns/${campaignId}`,
    cookie: member.cookie,
    params: { campaignId },
  });
}

function readCampaign(member: SignedInMember, campaignId: string) {
  return callRoute(GET, {
    method: 'GET',
    path: `/api/campaigns/${campaignId}`,
    cookie: member.cookie,
    params: { campaignId },
  });
}

async function storedCampaigns(tenantId: string) {
  return db().campaign.findMany({
    where: { tenantId },
    select: {
      name: true,
      status: true,
      audience: true,
      rotation: true,
      linkUrl: true,
      scheduledAt: true,
      createdById: true,
      templates: { orderBy: { position: 'asc' }, select: { body: true, weight: true, position: true, tenantId: true } },
      numbers: {
        orderBy: { sendingNumber: { value: 'asc' } },
        select: { tenantId: true, sendingNumber: { select: { value: true } } },
      },
    },
  });
}

describe('campaign authoring', () => {
  let tenantId: string;
  let staff: SignedInMember;
  let viewer: SignedInMember;
  let otherStaff: SignedInMember;
  let longCode: string;
  let senderId: string;
  let switchedOff: string;
  let foreignNumber: string;
  let foreignBatch: string;

  function validInput(overrides: Record<string, unknown> = {}) {
    return {
      name: 'Spring sale',
      audience: { kind: 'all' },
      rotation: 'ROUND_ROBIN',
      templates: [{ body: 'Hi {firstName|there}, our spring sale starts today.', weight: 1 }],
      sendingNumberIds: [longCode],
      ...overrides,
    };
  }

  beforeEach(async () => {
    tenantId = (await createTenant('Authors')).id;
    staff = await signedInMember(tenantId, 'STAFF');
    viewer = await signedInMember(tenantId, 'VIEWER');
    const otherTenantId = (await createTenant('Elsewhere')).id;
    otherStaff = await signedInMember(otherTenantId, 'STAFF');
    const unique = crypto.randomUUID().slice(0, 6);
    const number = (data: {
      tenantId: string;
      value: string;
      kind: 'LONG_CODE' | 'ALPHANUMERIC';
      active?: boolean;
      registered?: boolean;
    }) =>
      db()
        .sendingNumber.create({ data, select: { id: true } })
        .then((n) => n.id);
    longCode = await number({
      tenantId,
      value: `+614${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`,
      kind: 'LONG_CODE',
    });
    senderId = await number({ tenantId, value: `Acme${unique}`, kind: 'ALPHANUMERIC', registered: true });
    switchedOff = await number({ tenantId, value: `Old${unique}`, kind: 'ALPHANUMERIC', active: false });
    foreignNumber = await number({ tenantId: otherTenantId, value: `Else${unique}`, kind: 'ALPHANUMERIC' });
    foreignBatch = (
      await db().importBatch.create({
        data: {
          tenantId: otherTenantId,
          fileName: 'theirs.csv',
          fileSize: 10,
          status: 'COMMITTED',
          mapping: { custom: [{ column: 'Voucher', name: 'voucher' }] },
        },
        select: { id: true },
      })
    ).id;
    await db().importBatch.create({
      data: {
        tenantId,
        fileName: 'stores.csv',
        fileSize: 10,
        status: 'COMMITTED',
        mapping: { custom: [{ column: 'Store', name: 'store' }] },
      },
    });
  });

  it('stores a draft with two weighted templates in order, its link, schedule and numbers exactly as given, and audits who wrote it', async () => {
    const res = await createCampaign(staff, {
      name: 'Spring sale',
      audience: { kind: 'filter', consent: ['EXPLICIT'], tagsAny: ['vip'] },
      rotation: 'WEIGHTED',
      templates: [
        { body: 'Hi {firstName|there}, 20% off this weekend: {link}', weight: 3 },
        { body: 'Spring sale on now at Acme. {link}', weight: 1 },
      ],
      linkUrl: 'https://acme.example/spring?utm_source=sms',
      sendingNumberIds: [longCode, senderId],
      scheduledAt: IN_A_WEEK.toISOString(),
    });
    expect(res.status).toBe(201);
    const { campaign } = await res.json();
    expect(campaign).toMatchObject({
      name: 'Spring sale',
      status: 'DRAFT',
      rotation: 'WEIGHTED',
      createdBy: staff.email,
      scheduledAt: IN_A_WEEK.toISOString(),
    });

    const values = await db().sendingNumber.findMany({
      where: { id: { in: [longCode, senderId] } },
      orderBy: { value: 'asc' },
      select: { value: true },
    });
    expect(await storedCampaigns(tenantId)).toEqual([
      {
        name: 'Spring sale',
        status: 'DRAFT',
        audience: { kind: 'filter', consent: ['EXPLICIT'], tagsAny: ['vip'] },
        rotation: 'WEIGHTED',
        linkUrl: 'https://acme.example/spring?utm_source=sms',
        scheduledAt: IN_A_WEEK,
        createdById: staff.userId,
        templates: [
          { body: 'Hi {firstName|there}, 20% off this weekend: {link}', weight: 3, position: 0, tenantId },
          { body: 'Spring sale on now at Acme. {link}', weight: 1, position: 1, tenantId },
        ],
        numbers: values.map((v) => ({ tenantId, sendingNumber: v })),
      },
    ]);
    const audit = await db().auditLog.findFirstOrThrow({
      where: { tenantId, action: 'campaign.created', entityId: campaign.id },
      select: { actorUserId: true, details: true },
    });
    expect(audit.actorUserId).toBe(staff.userId);
    expect(audit.details).toMatchObject({ name: 'Spring sale', templates: 2, rotation: 'WEIGHTED' });
  });

  it("accepts a custom field this workspace's imports define", async () => {
    const res = await createCampaign(staff, validInput({ templates: [{ body: 'See you at {store|our store}.' }] }));
    expect(res.status).toBe(201);
  });

  it('gives a template with no weight a weight of 1 and a campaign with no link URL none', async () => {
    const res = await createCampaign(staff, validInput({ templates: [{ body: 'Sale today only.' }] }));
    expect(res.status).toBe(201);
    const [stored] = await storedCampaigns(tenantId);
    expect(stored.templates).toEqual([{ body: 'Sale today only.', weight: 1, position: 0, tenantId }]);
    expect(stored.linkUrl).toBeNull();
  });

  it.each([
    [
      'a template with a malformed merge field',
      () => validInput({ templates: [{ body: 'Hi {first name}, sale today.' }] }),
      'templates.0.body',
      '"{first name}" is not a merge field',
    ],
    [
      'a misspelt merge field',
      () => validInput({ templates: [{ body: 'Hi {first_name}, sale now on' }] }),
      'templates.0.body',
      '{first_name} is not a merge field: did you mean {firstName}?',
    ],
    [
      "a custom field only another workspace's import has",
      () => validInput({ templates: [{ body: 'Sale today.' }, { body: 'Your code {voucher}' }] }),
      'templates.1.body',
      '{voucher} is not a merge field',
    ],
    [
      'a template with an unclosed brace',
      () => validInput({ templates: [{ body: 'Hi' }, { body: 'Hi {firstName, sale today.' }] }),
      'templates.1.body',
      'is never closed',
    ],
    [
      '{link} in a template but no link URL',
      () => validInput({ templates: [{ body: 'Shop now: {link}' }] }),
      'linkUrl',
      'Message 1 uses {link} but there is no link URL',
    ],
    [
      'a link URL that no template uses',
      () => validInput({ linkUrl: 'https://acme.example/sale' }),
      'linkUrl',
      'no message uses {link}',
    ],
    [
      'a link URL that is not a web address',
      () => validInput({ templates: [{ body: 'Shop: {link}' }], linkUrl: 'ftp://acme.example/sale' }),
      'linkUrl',
      'must be a full web address',
    ],
    [
      "another workspace's sending number",
      () => validInput({ sendingNumberIds: [longCode, foreignNumber] }),
      'sendingNumberIds',
      "not one of this workspace's numbers",
    ],
    [
      'a switched-off sending number',
      () => validInput({ sendingNumberIds: [switchedOff] }),
      'sendingNumberIds',
      'is switched off',
    ],
    [
      'no sending number',
      () => validInput({ sendingNumberIds: [] }),
      'sendingNumberIds',
      'Choose at least one sending number.',
    ],
    ['no name', () => validInput({ name: '   ' }), 'name', 'Name the campaign.'],
    [
      'six templates',
      () => validInput({ templates: Array.from({ length: 6 }, () => ({ body: 'Sale today.' })) }),
      'templates',
      'at most 5 messages',
    ],
    [
      'a weight of 0',
      () =>
        validInput({
          rotation: 'WEIGHTED',
          templates: [
            { body: 'A', weight: 2 },
            { body: 'B', weight: 0 },
          ],
        }),
      'templates.1.weight',
      'The weight must be at least 1.',
    ],
    [
      'a template over 1,000 characters',
      () => validInput({ templates: [{ body: 'a'.repeat(1001) }] }),
      'templates.0.body',
      'at most 1,000 characters',
    ],
    [
      'a schedule in the past',
      () => validInput({ scheduledAt: new Date(Date.now() - 3_600_000).toISOString() }),
      'scheduledAt',
      'already passed',
    ],
    [
      "another workspace's import as the audience",
      () => validInput({ audience: { kind: 'batch', batchId: foreignBatch } }),
      'audience.batchId',
      'That import does not exist in this workspace.',
    ],
  ])(
    'refuses %s with 422, the reason in words and the field beside it, and stores nothing',
    async (_case, input, path, reason) => {
      const res = await createCampaign(staff, input());
      expect(res.status).toBe(422);
      const { error } = await res.json();
      expect(error.message).toContain(reason);
      expect(error.message).not.toContain(path);
      expect(error.issues).toContainEqual({ path, message: expect.stringContaining(reason) });
      expect(await db().campaign.count({ where: { tenantId } })).toBe(0);
      expect(await db().template.count({ where: { tenantId } })).toBe(0);
      expect(await db().auditLog.count({ where: { tenantId, action: 'campaign.created' } })).toBe(0);
    },
  );

  it('refuses viewers, who may read campaigns but not write them', async () => {
    expect((await createCampaign(viewer, validInput())).status).toBe(403);
    expect(await db().campaign.count({ where: { tenantId } })).toBe(0);
  });

  it('returns a campaign with its templates, its numbers (value, kind, registration) and the e-mail of who wrote it', async () => {
    const { campaign: created } = await (
      await createCampaign(staff, validInput({ sendingNumberIds: [senderId] }))
    ).json();
    const res = await readCampaign(viewer, created.id);
    expect(res.status).toBe(200);
    const { campaign } = await res.json();
    expect(campaign).toMatchObject({
      id: created.id,
      status: 'DRAFT',
      audience: { kind: 'all' },
      createdBy: staff.email,
      templates: [{ body: 'Hi {firstName|there}, our spring sale starts today.', weight: 1, position: 0 }],
      numbers: [{ id: senderId, kind: 'ALPHANUMERIC', registered: true, active: true }],
      launchSummary: null,
    });
    expect(campaign.numbers[0].value).toMatch(/^Acme/);
  });

  it('lists the workspace’s campaigns and not another workspace’s', async () => {
    await createCampaign(staff, validInput({ name: 'Ours' }));
    const res = await callRoute(LIST, { method: 'GET', path: '/api/campaigns', cookie: otherStaff.cookie });
    expect((await res.json()).campaigns).toEqual([]);
    const mine = await callRoute(LIST, { method: 'GET', path: '/api/campaigns', cookie: viewer.cookie });
    expect((await mine.json()).campaigns.map((c: { name: string }) => c.name)).toEqual(['Ours']);
  });

  it('replaces a draft’s fields, templates and numbers on edit and audits what changed from what', async () => {
    const { campaign } = await (
      await createCampaign(staff, validInput({ templates: [{ body: 'First' }, { body: 'Second' }] }))
    ).json();
    const res = await editCampaign(
      staff,
      campaign.id,
      validInput({
        name: 'Spring sale, take two',
        rotation: 'WEIGHTED',
        templates: [{ body: 'Only one now: {link}', weight: 5 }],
        linkUrl: 'https://acme.example/2',
        sendingNumberIds: [senderId],
      }),
    );
    expect(res.status).toBe(200);
    expect((await res.json()).campaign).toMatchObject({
      name: 'Spring sale, take two',
      templates: [{ body: 'Only one now: {link}', weight: 5, position: 0 }],
    });
    const [stored] = await storedCampaigns(tenantId);
    expect(stored).toMatchObject({
      name: 'Spring sale, take two',
      rotation: 'WEIGHTED',
      linkUrl: 'https://acme.example/2',
      status: 'DRAFT',
    });
    expect(stored.templates).toEqual([{ body: 'Only one now: {link}', weight: 5, position: 0, tenantId }]);
    expect(stored.numbers.map((n) => n.sendingNumber.value)).toEqual([expect.stringMatching(/^Acme/)]);
    const audit = await db().auditLog.findFirstOrThrow({
      where: { tenantId, action: 'campaign.updated', entityId: campaign.id },
      select: { actorUserId: true, details: true },
    });
    expect(audit.actorUserId).toBe(staff.userId);
    const changes = (audit.details as { changes: Record<string, { from: unknown; to: unknown }> }).changes;
    expect(Object.keys(changes).sort()).toEqual(['linkUrl', 'name', 'rotation', 'sendingNumbers', 'templates']);
    expect(changes.name).toEqual({ from: 'Spring sale', to: 'Spring sale, take two' });
    expect(changes.templates.from).toEqual([
      { body: 'First', weight: 1 },
      { body: 'Second', weight: 1 },
    ]);
  });

  it('refuses with 409 to edit a campaign that is no longer a draft, and changes nothing', async () => {
    const { campaign } = await (await createCampaign(staff, validInput())).json();
    await db().campaign.update({ where: { id: campaign.id }, data: { status: 'RUNNING' } });
    const res = await editCampaign(
      staff,
      campaign.id,
      validInput({ name: 'Renamed', templates: [{ body: 'Changed' }] }),
    );
    expect(res.status).toBe(409);
    expect((await res.json()).error.message).toContain('Only a draft can be edited');
    const [stored] = await storedCampaigns(tenantId);
    expect(stored).toMatchObject({ name: 'Spring sale', status: 'RUNNING' });
    expect(stored.templates.map((t) => t.body)).toEqual(['Hi {firstName|there}, our spring sale starts today.']);
  });

  it('leaves a draft untouched when an edit is invalid', async () => {
    const { campaign } = await (await createCampaign(staff, validInput())).json();
    const res = await editCampaign(
      staff,
      campaign.id,
      validInput({ templates: [{ body: 'Go {link}' }], sendingNumberIds: [foreignNumber] }),
    );
    expect(res.status).toBe(422);
    const [stored] = await storedCampaigns(tenantId);
    expect(stored.templates.map((t) => t.body)).toEqual(['Hi {firstName|there}, our spring sale starts today.']);
    expect(stored.numbers).toHaveLength(1);
  });

  it('deletes a draft with its templates and numbers and audits it', async () => {
    const { campaign } = await (await createCampaign(staff, validInput())).json();
    expect((await deleteCampaign(staff, campaign.id)).status).toBe(204);
    expect(await db().campaign.count({ where: { tenantId } })).toBe(0);
    expect(await db().template.count({ where: { tenantId } })).toBe(0);
    expect(await db().campaignSendingNumber.count({ where: { tenantId } })).toBe(0);
    expect(
      await db().auditLog.findFirst({
        where: { tenantId, action: 'campaign.deleted', entityId: campaign.id },
        select: { actorUserId: true, details: true },
      }),
    ).toEqual({
      actorUserId: staff.userId,
      details: { name: 'Spring sale' },
    });
  });

  it('refuses with 409 to delete a campaign that has been launched, keeping it', async () => {
    const { campaign } = await (await createCampaign(staff, validInput())).json();
    await db().campaign.update({ where: { id: campaign.id }, data: { status: 'RUNNING' } });
    const res = await deleteCampaign(staff, campaign.id);
    expect(res.status).toBe(409);
    expect((await res.json()).error.message).toContain('Only a draft can be deleted');
    expect(await db().campaign.count({ where: { tenantId } })).toBe(1);
    expect(await db().template.count({ where: { tenantId } })).toBe(1);
  });

  it('answers 404 to another workspace reading, editing or deleting a campaign, and to a malformed id', async () => {
    const { campaign } = await (await createCampaign(staff, validInput())).json();
    expect((await readCampaign(otherStaff, campaign.id)).status).toBe(404);
    expect(
      (await editCampaign(otherStaff, campaign.id, validInput({ sendingNumberIds: [foreignNumber], name: 'Stolen' })))
        .status,
    ).toBe(404);
    expect((await deleteCampaign(otherStaff, campaign.id)).status).toBe(404);
    expect((await readCampaign(staff, 'not-a-uuid')).status).toBe(404);
    const [stored] = await storedCampaigns(tenantId);
    expect(stored.name).toBe('Spring sale');
  });
});

describe('audience size', () => {
  let actor: Actor;
  let tenantId: string;
  const now = new Date('2026-03-02T01:00:00Z');
  const ids: Record<string, string> = {};

  beforeEach(async () => {
    tenantId = (await createTenant('Audience')).id;
    actor = await actorFor(await signedInMember(tenantId, 'STAFF'), 'STAFF');
    const contact = async (
      key: string,
      data: {
        phoneE164: string;
        consentStatus: 'EXPLICIT' | 'IMPLIED' | 'UNKNOWN';
        tags?: string[];
        optedOutAt?: Date;
      },
    ) => {
      ids[key] = (await db().contact.create({ data: { tenantId, ...data }, select: { id: true } })).id;
    };
    await contact('vip', { phoneE164: '+61412000001', consentStatus: 'EXPLICIT', tags: ['vip'] });
    await contact('implied', { phoneE164: '+61412000002', consentStatus: 'IMPLIED' });
    await contact('dnc', { phoneE164: '+61412000003', consentStatus: 'EXPLICIT', tags: ['vip'] });
    await contact('optedOut', {
      phoneE164: '+61412000004',
      consentStatus: 'UNKNOWN',
      optedOutAt: new Date('2026-01-01T00:00:00Z'),
    });
    await contact('suppressed', { phoneE164: '+61412000005', consentStatus: 'EXPLICIT' });
    await contact('suppressionOver', { phoneE164: '+61412000006', consentStatus: 'EXPLICIT' });
    await contact('noConsent', { phoneE164: '+61412000007', consentStatus: 'UNKNOWN', tags: ['vip'] });
    await contact('landline', { phoneE164: '+61298765432', consentStatus: 'EXPLICIT' });
    // Only the DNC list says so: the mirror on the contact is not set, and the count must still see it.
    await db().dncEntry.create({ data: { tenantId, phoneE164: '+61412000003', source: 'STOP_REPLY' } });
    await db().suppression.create({
      data: { tenantId, phoneE164: '+61412000005', reason: 'bounced', expiresAt: new Date('2026-03-10T00:00:00Z') },
    });
    await db().suppression.create({
      data: { tenantId, phoneE164: '+61412000006', reason: 'bounced', expiresAt: new Date('2026-03-01T00:00:00Z') },
    });

    // Another workspace's contacts, opt-outs and suppressions never count here.
    const elsewhere = (await createTenant('Elsewhere')).id;
    await db().contact.create({
      data: { tenantId: elsewhere, phoneE164: '+61412000001', consentStatus: 'EXPLICIT', tags: ['vip'] },
    });
    await db().contact.create({ data: { tenantId: elsewhere, phoneE164: '+61412000009', consentStatus: 'EXPLICIT' } });
    await db().dncEntry.create({ data: { tenantId: elsewhere, phoneE164: '+61412000002', source: 'STOP_REPLY' } });
  });

  it('counts everyone, and each reason a contact cannot be messaged, for the whole workspace', async () => {
    expect(await countAudience({ actor, audience: { kind: 'all' }, now })).toEqual({
      total: 8,
      sendable: 3,
      excluded: { opted_out: 2, invalid_number: 1, no_consent: 1, suppressed: 1 },
    });
  });

  it('counts a suppressed contact as sendable once the suppression has expired', async () => {
    const later = new Date('2026-03-11T00:00:00Z');
    expect(await countAudience({ actor, audience: { kind: 'all' }, now: later })).toMatchObject({
      sendable: 4,
      excluded: { suppressed: 0 },
    });
  });

  it('counts only contacts with the chosen consent and, when tags are given, one of the tags', async () => {
    expect(
      await countAudience({ actor, audience: { kind: 'filter', consent: ['EXPLICIT'], tagsAny: [] }, now }),
    ).toEqual({
      total: 5,
      sendable: 2,
      excluded: { opted_out: 1, invalid_number: 1, no_consent: 0, suppressed: 1 },
    });
    expect(
      await countAudience({
        actor,
        audience: { kind: 'filter', consent: ['EXPLICIT', 'IMPLIED'], tagsAny: ['vip', 'gold'] },
        now,
      }),
    ).toEqual({
      total: 2,
      sendable: 1,
      excluded: { opted_out: 1, invalid_number: 0, no_consent: 0, suppressed: 0 },
    });
  });

  it('counts only the contacts an import created or changed when the audience is that import', async () => {
    const batch = await db().importBatch.create({
      data: { tenantId, fileName: 'spring.csv', fileSize: 100, status: 'COMMITTED' },
      select: { id: true },
    });
    await db().contactImport.createMany({
      data: ['vip', 'dnc', 'landline'].map((key) => ({
        tenantId,
        contactId: ids[key],
        batchId: batch.id,
        action: 'CREATED' as const,
      })),
    });
    expect(await countAudience({ actor, audience: { kind: 'batch', batchId: batch.id }, now })).toEqual({
      total: 3,
      sendable: 1,
      excluded: { opted_out: 1, invalid_number: 1, no_consent: 0, suppressed: 0 },
    });
  });

  it('answers the audience-size route with the same counts, for viewers too', async () => {
    const viewer = await signedInMember(tenantId, 'VIEWER');
    const res = await callRoute(AUDIENCE_SIZE, {
      method: 'POST',
      path: '/api/campaigns/audience-size',
      cookie: viewer.cookie,
      body: { audience: { kind: 'filter', consent: ['IMPLIED'] } },
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      total: 1,
      sendable: 1,
      excluded: { opted_out: 0, invalid_number: 0, no_consent: 0, suppressed: 0 },
    });
  });

  it('refuses an audience-size request with no consent chosen, saying what to do', async () => {
    const viewer = await signedInMember(tenantId, 'VIEWER');
    const res = await callRoute(AUDIENCE_SIZE, {
      method: 'POST',
      path: '/api/campaigns/audience-size',
      cookie: viewer.cookie,
      body: { audience: { kind: 'filter', consent: [] } },
    });
    expect(res.status).toBe(422);
    expect((await res.json()).error.message).toBe('Choose at least one kind of consent.');
  });
});
