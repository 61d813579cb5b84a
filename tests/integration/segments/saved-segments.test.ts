import { beforeAll, describe, expect, it } from 'vitest';
import { POST as createCampaignRoute } from '@/app/api/campaigns/route';
import { POST as launchRoute } from '@/app/api/campaigns/[campaignId]/launch/route';
import { POST as createSegmentRoute } from '@/app/api/segments/route';
import { DELETE as deleteSegmentRoute, PATCH as updateSegmentRoute } from '@/app/api/segments/[segmentId]/route';
import { POST as countRoute } from '@/app/api/segments/count/route';
import { dryRunCampaign } from '@/lib/campaigns/dry-run-campaign';
import { getCampaign } from '@/lib/campaigns/get-campaign';
import { launchCampaign } from '@/lib/campaigns/launch-campaign';
import type { Actor } from '@/lib/auth/actor';
import { db } from '@/lib/db/client';
import { pgPool } from '@/lib/db/pg-pool';
import { callRoute, createTenant, signedInMember, type SignedInMember } from '../../support/fixtures';
import { actorFor } from '../../support/import-fixtures';
import { addContacts, MIDDAY_SYDNEY, sendingNumber, sendingTenant } from '../../support/sending-fixtures';

const VIPS_IN_VIC = {
  version: 1,
  root: {
    type: 'group',
    op: 'and',
    children: [
      { type: 'state', states: ['VIC'] },
      { type: 'tags', match: 'any', tags: ['vip'] },
    ],
  },
};

let tenantId: string;
let staff: SignedInMember;
let actor: Actor;
let numberId: string;

async function post(handler: typeof createSegmentRoute, path: string, body: unknown) {
  const res = await callRoute(handler, { method: 'POST', path, cookie: staff.cookie, body });
  return { status: res.status, json: res.status === 204 ? null : await res.json() };
}

beforeAll(async () => {
  tenantId = await sendingTenant();
  numberId = (await sendingNumber(tenantId)).id;
  staff = await signedInMember(tenantId, 'STAFF');
  actor = await actorFor(staff, 'STAFF');
  const vic = await addContacts(tenantId, 3, { state: 'VIC' });
  await addContacts(tenantId, 2, { state: 'NSW' });
  await addContacts(tenantId, 1, { state: 'VIC', consent: 'UNKNOWN' });
  await pgPool().query(`UPDATE contacts SET tags = ARRAY['vip'] WHERE "tenantId" = $1::uuid`, [tenantId]);
  // One Victorian is not a VIP.
  await pgPool().query(`UPDATE contacts SET tags = '{}' WHERE id = $1::uuid`, [vic[2].id]);
});

describe('saving segments', () => {
  it('answers a bad definition with what to fix, in words, for every problem at once', async () => {
    const { status, json } = await post(createSegmentRoute, '/api/segments', {
      name: ' ',
      definition: {
        version: 1,
        root: {
          type: 'group',
          op: 'and',
          children: [
            { type: 'state', states: [] },
            { type: 'postcode', from: '30', to: '3999' },
            { type: 'engagement', event: 'clicked', days: 0 },
            { type: 'group', op: 'xor', children: [{ type: 'favouriteColour' }] },
          ],
        },
      },
    });
    expect(status).toBe(422);
    const messages: string[] = json.error.issues.map((i: { message: string }) => i.message);
    expect(messages).toEqual(
      expect.arrayContaining([
        'Name the segment.',
        'Choose at least one state.',
        'A postcode has four digits, such as 3000.',
        'The number of days must be at least 1.',
        'A group joins its conditions with AND or OR.',
        'That kind of condition is not known.',
      ]),
    );
    expect(json.error.message).not.toMatch(/invalid|expected|undefined/i);
  });

  it('saves, renames and deletes a segment, each audited, and refuses a second segment of the same name', async () => {
    const created = await post(createSegmentRoute, '/api/segments', {
      name: 'Victorian VIPs',
      definition: VIPS_IN_VIC,
    });
    expect(created.status).toBe(201);
    const id = created.json.segment.id;
    const again = await post(createSegmentRoute, '/api/segments', { name: 'Victorian VIPs', definition: VIPS_IN_VIC });
    expect(again).toMatchObject({
      status: 409,
      json: { error: { message: 'A segment is already called “Victorian VIPs”.' } },
    });

    const renamed = await callRoute(updateSegmentRoute, {
      method: 'PATCH',
      path: `/api/segments/${id}`,
      cookie: staff.cookie,
      params: { segmentId: id },
      body: { name: 'VIC VIPs', definition: VIPS_IN_VIC },
    });
    expect(renamed.status).toBe(200);
    const deleted = await callRoute(deleteSegmentRoute, {
      method: 'DELETE',
      path: `/api/segments/${id}`,
      cookie: staff.cookie,
      params: { segmentId: id },
    });
    expect(deleted.status).toBe(204);
    const audit = await db().auditLog.findMany({
      where: { tenantId, entityId: id },
      orderBy: { id: 'asc' },
      select: { action: true, actorUserId: true, details: true },
    });
    expect(audit.map((a) => [a.action, (a.details as { name: string }).name])).toEqual([
      ['segment.created', 'Victorian VIPs'],
      ['segment.updated', 'VIC VIPs'],
      ['segment.deleted', 'VIC VIPs'],
    ]);
    expect(audit.every((a) => a.actorUserId === staff.userId)).toBe(true);
  });

  it('counts a definition being built: who it selects, and how many of them can be messaged', async () => {
    expect(await post(countRoute, '/api/segments/count', { definition: VIPS_IN_VIC })).toMatchObject({
      status: 200,
      json: { total: 3, sendable: 2, excluded: { no_consent: 1 } },
    });
  });
});

describe('a segment as a campaign audience', () => {
  it('queues the segment as it was at launch and keeps that definition after the segment changes and goes', async () => {
    const segment = await post(createSegmentRoute, '/api/segments', {
      name: 'VIPs in Victoria',
      definition: VIPS_IN_VIC,
    });
    const segmentId = segment.json.segment.id;
    const created = await post(createCampaignRoute, '/api/campaigns', {
      name: 'Winter in Melbourne',
      audience: { kind: 'segment', segmentId },
      templates: [{ body: 'Hi {firstName|there}, winter sale.' }],
      sendingNumberIds: [numberId],
    });
    expect(created.status).toBe(201);
    const campaignId = created.json.campaign.id;
    // The dry run evaluates the segment as the launch will.
    expect(await dryRunCampaign({ actor, campaignId, now: MIDDAY_SYDNEY })).toMatchObject({ audience: 3 });

    const launched = await callRoute(launchRoute, {
      method: 'POST',
      path: `/api/campaigns/${campaignId}/launch`,
      cookie: staff.cookie,
      params: { campaignId },
      body: {},
    });
    expect(await launched.json()).toMatchObject({
      summary: { queued: 2, excluded: { no_consent: 1 } },
    });

    await callRoute(updateSegmentRoute, {
      method: 'PATCH',
      path: `/api/segments/${segmentId}`,
      cookie: staff.cookie,
      params: { segmentId },
      body: {
        name: 'Everyone in NSW',
        definition: { version: 1, root: { type: 'group', op: 'and', children: [{ type: 'state', states: ['NSW'] }] } },
      },
    });
    await callRoute(deleteSegmentRoute, {
      method: 'DELETE',
      path: `/api/segments/${segmentId}`,
      cookie: staff.cookie,
      params: { segmentId },
    });

    const row = await db().campaign.findUniqueOrThrow({
      where: { id: campaignId },
      select: { audienceSnapshot: true },
    });
    expect(row.audienceSnapshot).toEqual({ segmentId, name: 'VIPs in Victoria', definition: VIPS_IN_VIC });
    expect(await getCampaign({ actor, campaignId })).toMatchObject({
      audience: { kind: 'segment', segmentId },
      audienceSegment: null,
      audienceSnapshotName: 'VIPs in Victoria',
    });
    expect(await db().sendJob.count({ where: { campaignId } })).toBe(2);
    const audit = await db().auditLog.findFirstOrThrow({
      where: { tenantId, entityId: campaignId, action: 'campaign.launched' },
      select: { details: true },
    });
    expect(audit.details).toMatchObject({ segment: { name: 'VIPs in Victoria' } });
  });

  it('refuses another workspace’s segment, and a launch whose segment was deleted', async () => {
    const other = (await createTenant('Other')).id;
    const foreign = await db().segment.create({
      data: { tenantId: other, name: 'Theirs', definition: VIPS_IN_VIC },
      select: { id: true },
    });
    const refused = await post(createCampaignRoute, '/api/campaigns', {
      name: 'Borrowed audience',
      audience: { kind: 'segment', segmentId: foreign.id },
      templates: [{ body: 'Hello.' }],
      sendingNumberIds: [numberId],
    });
    expect(refused.status).toBe(422);
    expect(refused.json.error.message).toBe('That segment does not exist in this workspace.');

    const mine = await db().segment.create({
      data: { tenantId, name: 'Soon gone', definition: VIPS_IN_VIC },
      select: { id: true },
    });
    const draft = await post(createCampaignRoute, '/api/campaigns', {
      name: 'Orphaned',
      audience: { kind: 'segment', segmentId: mine.id },
      templates: [{ body: 'Hello.' }],
      sendingNumberIds: [numberId],
    });
    await db().segment.delete({ where: { id: mine.id } });
    await expect(launchCampaign({ actor, campaignId: draft.json.campaign.id })).rejects.toThrow(
      'The segment this audience names was deleted: choose another audience.',
    );
  });
});
