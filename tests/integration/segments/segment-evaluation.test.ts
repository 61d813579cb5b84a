import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db/client';
import { pgPool } from '@/lib/db/pg-pool';
import { segmentCondition } from '@/lib/segments/segment-condition';
import { SegmentDefinitionSchema, type SegmentNode } from '@/lib/segments/segment-definition';
import { createTenant } from '../../support/fixtures';

const NOW = new Date('2026-12-01T00:00:00.000Z');
const DAY = 86_400_000;
const daysAgo = (days: number, plusMs = 0) => new Date(NOW.getTime() - days * DAY + plusMs);

let tenantId: string;
let otherTenantId: string;
let batchId: string;

/** The first names of tenant A's contacts a definition selects, evaluated as the launch and the count do. */
async function matching(op: 'and' | 'or', ...children: SegmentNode[]): Promise<string[]> {
  return matchingFor(tenantId, op, ...children);
}

async function matchingFor(tenant: string, op: 'and' | 'or', ...children: SegmentNode[]): Promise<string[]> {
  const definition = SegmentDefinitionSchema.parse({ version: 1, root: { type: 'group', op, children } });
  const { sql, params } = segmentCondition({ definition, first: 2, now: NOW });
  const { rows } = await pgPool().query<{ firstName: string }>(
    `SELECT c."firstName" FROM contacts c WHERE ${sql} ORDER BY 1`,
    [tenant, ...params],
  );
  return rows.map((r) => r.firstName);
}

interface Person {
  firstName: string;
  state?: string;
  postcode?: string;
  tags?: string[];
  consentStatus?: 'EXPLICIT' | 'IMPLIED' | 'UNKNOWN';
  consentSource?: string;
  timeZone?: string;
  customFields?: Record<string, string>;
  createdAt: Date;
}

async function addPerson(tenant: string, phoneE164: string, person: Person): Promise<string> {
  return (await db().contact.create({ data: { tenantId: tenant, phoneE164, ...person }, select: { id: true } })).id;
}

let linkSeq = 0;

/** A message sent to the contact, optionally delivered, with clicks on its short link. */
async function messaged(
  tenant: string,
  campaignId: string,
  contactId: string,
  options: { sentAt?: Date | null; deliveredAt?: Date; clicks?: { at: Date; isBot: boolean }[] } = {},
) {
  const job = await db().sendJob.create({
    data: {
      tenantId: tenant,
      campaignId,
      contactId,
      toE164: '+61400000000',
      state: options.deliveredAt ? 'DELIVERED' : options.sentAt === null ? 'QUEUED' : 'SENT',
      sentAt: options.sentAt === null ? null : (options.sentAt ?? daysAgo(60)),
      deliveredAt: options.deliveredAt ?? null,
    },
    select: { id: true },
  });
  if (!options.clicks?.length) return;
  linkSeq += 1;
  const link = await db().shortLink.create({
    data: {
      tenantId: tenant,
      token: `seg${process.pid}x${linkSeq}`,
      campaignId,
      sendJobId: job.id,
      targetUrl: 'https://example.com',
      expiresAt: daysAgo(-60),
    },
    select: { id: true },
  });
  await db().click.createMany({
    data: options.clicks.map((c) => ({
      tenantId: tenant,
      shortLinkId: link.id,
      campaignId,
      isBot: c.isBot,
      visitorHash: `v${linkSeq}`,
      occurredAt: c.at,
    })),
  });
}

beforeAll(async () => {
  tenantId = (await createTenant('Segments')).id;
  otherTenantId = (await createTenant('Other segments')).id;
  const campaignId = (await db().campaign.create({ data: { tenantId, name: 'Past' }, select: { id: true } })).id;

  const ann = await addPerson(tenantId, '+61412000001', {
    firstName: 'Ann',
    state: 'VIC',
    postcode: '3000',
    tags: ['vip'],
    consentStatus: 'EXPLICIT',
    consentSource: 'Web form',
    timeZone: 'Australia/Melbourne',
    customFields: { plan: 'gold', note: 'likes 100% wool' },
    createdAt: new Date('2026-06-01T00:00:00Z'),
  });
  const ben = await addPerson(tenantId, '+61412000002', {
    firstName: 'Ben',
    state: 'NSW',
    postcode: '2000',
    tags: ['vip', 'staff'],
    consentStatus: 'IMPLIED',
    consentSource: 'import',
    customFields: { plan: 'silver' },
    createdAt: new Date('2026-10-01T00:00:00Z'),
  });
  const cat = await addPerson(tenantId, '+61412000003', {
    firstName: 'Cat',
    state: 'QLD',
    postcode: '4000',
    consentStatus: 'UNKNOWN',
    createdAt: daysAgo(10),
  });
  const dan = await addPerson(tenantId, '+61412000004', {
    firstName: 'Dan',
    state: 'vic',
    postcode: '3999',
    tags: ['staff'],
    consentStatus: 'EXPLICIT',
    consentSource: 'web form',
    customFields: { plan: '' },
    createdAt: daysAgo(10, -1),
  });
  const eve = await addPerson(tenantId, '+61412000005', {
    firstName: 'Eve',
    state: 'WA',
    postcode: '6000',
    tags: ['vip'],
    consentStatus: 'EXPLICIT',
    timeZone: 'Australia/Perth',
    createdAt: new Date('2026-11-30T12:00:00Z'),
  });

  // Windows of 30 days start at 2026-11-01T00:00Z: Ann clicked at that very instant, Ben a millisecond before it.
  await messaged(tenantId, campaignId, ann, { deliveredAt: daysAgo(1), clicks: [{ at: daysAgo(30), isBot: false }] });
  await messaged(tenantId, campaignId, ben, {
    deliveredAt: daysAgo(30, -1),
    clicks: [
      { at: daysAgo(30, -1), isBot: false },
      { at: daysAgo(1), isBot: true },
    ],
  });
  // Dan's only click is a link preview's, and his message was sent but never delivered.
  await messaged(tenantId, campaignId, dan, { sentAt: daysAgo(2), clicks: [{ at: daysAgo(2), isBot: true }] });
  // Eve is queued, not yet messaged.
  await messaged(tenantId, campaignId, eve, { sentAt: null });

  await db().inboundMessage.create({
    data: {
      tenantId,
      contactId: cat,
      fromE164: '+61412000003',
      toNumber: '+61480000000',
      body: 'Hi',
      messageSid: `SMseg${process.pid}`,
      receivedAt: daysAgo(7),
    },
  });
  await db().consentEvent.createMany({
    data: [
      { tenantId, contactId: eve, action: 'GRANTED', status: 'EXPLICIT', source: 'keyword', occurredAt: daysAgo(2) },
      { tenantId, contactId: dan, action: 'OPTED_OUT', source: 'stop_reply', occurredAt: daysAgo(1) },
      { tenantId, contactId: ben, action: 'OPTED_IN', status: 'IMPLIED', source: 'reply', occurredAt: daysAgo(14, -1) },
    ],
  });

  const batch = await db().importBatch.create({
    data: { tenantId, fileName: 'west.csv', fileSize: 10, status: 'COMMITTED' },
    select: { id: true },
  });
  batchId = batch.id;
  await db().contactImport.create({ data: { tenantId, contactId: eve, batchId, action: 'CREATED' } });

  // Another workspace's VIP in Victoria who clicked yesterday: never anyone's result but its own.
  const otherCampaign = (
    await db().campaign.create({ data: { tenantId: otherTenantId, name: 'Theirs' }, select: { id: true } })
  ).id;
  const zed = await addPerson(otherTenantId, '+61412000001', {
    firstName: 'Zed',
    state: 'VIC',
    tags: ['vip'],
    createdAt: daysAgo(5),
  });
  await messaged(otherTenantId, otherCampaign, zed, {
    deliveredAt: daysAgo(1),
    clicks: [{ at: daysAgo(1), isBot: false }],
  });
});

describe('segment conditions on contacts', () => {
  it('matches tags by any, all or none of a list', async () => {
    expect(await matching('and', { type: 'tags', match: 'any', tags: ['vip', 'staff'] })).toEqual([
      'Ann',
      'Ben',
      'Dan',
      'Eve',
    ]);
    expect(await matching('and', { type: 'tags', match: 'all', tags: ['vip', 'staff'] })).toEqual(['Ben']);
    expect(await matching('and', { type: 'tags', match: 'none', tags: ['vip'] })).toEqual(['Cat', 'Dan']);
  });

  it('matches consent status and consent source (whatever its case)', async () => {
    expect(await matching('and', { type: 'consent', statuses: ['IMPLIED', 'UNKNOWN'] })).toEqual(['Ben', 'Cat']);
    expect(await matching('and', { type: 'consentSource', sources: ['WEB FORM'] })).toEqual(['Ann', 'Dan']);
  });

  it('matches state in a list (whatever its case), a postcode range with its ends, and a time zone', async () => {
    expect(await matching('and', { type: 'state', states: ['VIC', 'NSW'] })).toEqual(['Ann', 'Ben', 'Dan']);
    expect(await matching('and', { type: 'postcode', from: '3000', to: '3999' })).toEqual(['Ann', 'Dan']);
    expect(await matching('and', { type: 'postcode', from: '2000', to: '2999' })).toEqual(['Ben']);
    expect(await matching('and', { type: 'timeZone', zones: ['Australia/Perth'] })).toEqual(['Eve']);
  });

  it('matches an import batch and the created date before, after or within N days', async () => {
    expect(await matching('and', { type: 'importBatch', batchId })).toEqual(['Eve']);
    expect(await matching('and', { type: 'created', when: 'before', date: '2026-10-01' })).toEqual(['Ann']);
    expect(await matching('and', { type: 'created', when: 'after', date: '2026-11-29' })).toEqual(['Eve']);
    // Cat was created exactly 10 days before now, Dan a millisecond earlier.
    expect(await matching('and', { type: 'created', when: 'within', days: 10 })).toEqual(['Cat', 'Eve']);
  });

  it('matches custom fields equal to a value, containing text (no wildcards), or empty', async () => {
    expect(await matching('and', { type: 'customField', field: 'plan', op: 'equals', value: 'gold' })).toEqual(['Ann']);
    expect(await matching('and', { type: 'customField', field: 'note', op: 'contains', value: '100%' })).toEqual([
      'Ann',
    ]);
    expect(await matching('and', { type: 'customField', field: 'note', op: 'contains', value: '1%' })).toEqual([]);
    expect(await matching('and', { type: 'customField', field: 'plan', op: 'isEmpty' })).toEqual(['Cat', 'Dan', 'Eve']);
  });
});

describe('engagement windows', () => {
  it('counts a human click at the first instant of the window, not a millisecond before, and never a bot’s', async () => {
    expect(await matching('and', { type: 'engagement', event: 'clicked', days: 30 })).toEqual(['Ann']);
    expect(await matching('and', { type: 'engagement', event: 'clicked', days: 31 })).toEqual(['Ann', 'Ben']);
  });

  it('counts deliveries, replies and opt-ins within their windows', async () => {
    expect(await matching('and', { type: 'engagement', event: 'delivered', days: 30 })).toEqual(['Ann']);
    expect(await matching('and', { type: 'engagement', event: 'delivered', days: 31 })).toEqual(['Ann', 'Ben']);
    expect(await matching('and', { type: 'engagement', event: 'replied', days: 7 })).toEqual(['Cat']);
    expect(await matching('and', { type: 'engagement', event: 'replied', days: 6 })).toEqual([]);
    expect(await matching('and', { type: 'engagement', event: 'optedIn', days: 14 })).toEqual(['Eve']);
    expect(await matching('and', { type: 'engagement', event: 'optedIn', days: 15 })).toEqual(['Ben', 'Eve']);
  });

  it('finds contacts never sent a message, counting a queued one as not yet sent', async () => {
    expect(await matching('and', { type: 'neverMessaged' })).toEqual(['Cat', 'Eve']);
  });
});

describe('AND / OR groups', () => {
  it('"VIC or NSW, tag VIP, clicked in the last 30 days" selects only the matching contact of this workspace', async () => {
    const vicOrNsw: SegmentNode = { type: 'state', states: ['VIC', 'NSW'] };
    const vip: SegmentNode = { type: 'tags', match: 'any', tags: ['vip'] };
    const clicked: SegmentNode = { type: 'engagement', event: 'clicked', days: 30 };
    expect(await matching('and', vicOrNsw, vip, clicked)).toEqual(['Ann']);
    expect(await matchingFor(otherTenantId, 'and', vicOrNsw, vip, clicked)).toEqual(['Zed']);
  });

  it('nests groups: (WA or plan silver) and not staff; an OR of engagement; an empty group selects everyone', async () => {
    expect(
      await matching(
        'and',
        {
          type: 'group',
          op: 'or',
          children: [
            { type: 'state', states: ['WA'] },
            { type: 'customField', field: 'plan', op: 'equals', value: 'silver' },
          ],
        },
        { type: 'tags', match: 'none', tags: ['staff'] },
      ),
    ).toEqual(['Eve']);
    expect(
      await matching(
        'or',
        { type: 'engagement', event: 'replied', days: 30 },
        { type: 'engagement', event: 'clicked', days: 30 },
      ),
    ).toEqual(['Ann', 'Cat']);
    expect(await matching('and')).toEqual(['Ann', 'Ben', 'Cat', 'Dan', 'Eve']);
  });
});
