import type { Role } from '@/lib/generated/prisma/enums';
import { db } from '@/lib/db/client';
import { analyseImport } from '@/lib/imports/analyse-import';
import { signedInMember, type SignedInMember } from '../../support/fixtures';
import { STANDARD_MAPPING, actorFor, dryRunFile, uploadFile } from '../../support/import-fixtures';

// Who may call each API route. The matrix test fails for any route file under
// app/api that has no entry here, so a new route cannot ship unclassified.

/** Tenant A holds the rows under test; tenant B's admin must never see or change them. */
export interface World {
  tenantA: { id: string; admin: SignedInMember; staff: SignedInMember; viewer: SignedInMember };
  tenantB: { id: string; admin: SignedInMember };
}

export interface RouteRequest {
  path: string;
  params?: Record<string, string | string[]>;
  body?: unknown;
}

export type RouteAccess =
  | {
      kind: 'session';
      minimum: Role;
      /** Builds a request that succeeds for an allowed caller of tenant A; called afresh for every caller. */
      request: (world: World) => Promise<RouteRequest> | RouteRequest;
      allowedStatus: number;
      /**
       * What tenant B's admin gets when sending the same request: 404 where it
       * names a row of tenant A, or `own-tenant` where it acts on B's own rows;
       * 422 where it acts on B's own rows but its body names a row of tenant A
       * that B may not use (e.g. a sending number); 409 where B's own rows do not
       * match what the request confirms (a bulk action's count).
       */
      foreign: 404 | 409 | 422 | 'own-tenant';
    }
  | { kind: 'cron'; path: string }
  /** The installation's operator: the cron secret, or an admin's session of any workspace. */
  | { kind: 'operator'; path: string }
  /** Prometheus, with METRICS_TOKEN. */
  | { kind: 'metrics'; path: string }
  | { kind: 'public'; why: string };

const MATRIX_CSV = 'phone,first,last,consent,tags\n0412 345 678,Ann,Lee,yes,vip\n0412 345 679,Bob,Ray,no,\n';

/** An alphanumeric sender ID of the tenant: unlike a long code it may repeat across tenants. */
async function campaignSenderId(tenantId: string): Promise<string> {
  return (
    await db().sendingNumber.create({
      data: { tenantId, value: `ID${crypto.randomUUID().slice(0, 8)}`, kind: 'ALPHANUMERIC' },
      select: { id: true },
    })
  ).id;
}

/** A draft campaign of the tenant with one message sent from the given number. */
async function draftCampaignId(tenantId: string, sendingNumberId: string): Promise<string> {
  const campaign = await db().campaign.create({
    data: {
      tenantId,
      name: 'Matrix campaign',
      templates: { create: { tenantId, body: 'Hello {firstName|there}' } },
      numbers: { create: { tenantId, sendingNumberId } },
    },
    select: { id: true },
  });
  return campaign.id;
}

/** A draft with a message, a long code and one consenting contact: ready to dry-run, test or launch. */
async function launchableCampaignId(tenantId: string): Promise<string> {
  const number = await db().sendingNumber.create({
    data: {
      tenantId,
      value: `+6149${String(Math.floor(Math.random() * 1e7)).padStart(7, '0')}`,
      kind: 'LONG_CODE',
      warmupStartedAt: new Date('2026-01-01'),
    },
    select: { id: true },
  });
  await db().contact.create({
    data: {
      tenantId,
      phoneE164: `+6148${String(Math.floor(Math.random() * 1e7)).padStart(7, '0')}`,
      consentStatus: 'EXPLICIT',
    },
  });
  return draftCampaignId(tenantId, number.id);
}

async function campaignIn(tenantId: string, status: 'RUNNING' | 'PAUSED'): Promise<string> {
  const campaignId = await launchableCampaignId(tenantId);
  await db().campaign.update({ where: { id: campaignId }, data: { status } });
  return campaignId;
}

function campaignBody(sendingNumberId: string) {
  return {
    name: 'Matrix campaign',
    audience: { kind: 'all' },
    templates: [{ body: 'Hello {firstName|there}' }],
    sendingNumberIds: [sendingNumberId],
  };
}

/** A conversation of the tenant on one of its long codes, with a reply from a number with no contact. */
async function conversationId(tenantId: string): Promise<string> {
  const numberValue = `+6147${String(Math.floor(Math.random() * 1e7)).padStart(7, '0')}`;
  await db().sendingNumber.create({ data: { tenantId, value: numberValue, kind: 'LONG_CODE' } });
  const remoteE164 = `+6146${String(Math.floor(Math.random() * 1e7)).padStart(7, '0')}`;
  const message = await db().inboundMessage.create({
    data: {
      tenantId,
      fromE164: remoteE164,
      toNumber: numberValue,
      body: 'Which store?',
      messageSid: `SM${crypto.randomUUID()}`,
    },
    select: { id: true, receivedAt: true },
  });
  const conversation = await db().conversation.create({
    data: {
      tenantId,
      numberValue,
      remoteE164,
      lastInboundId: message.id,
      lastInboundAt: message.receivedAt,
      lastInboundBody: 'Which store?',
      lastInboundKeyword: 'NONE',
      lastActivityAt: message.receivedAt,
    },
    select: { id: true },
  });
  await db().inboundMessage.update({ where: { id: message.id }, data: { conversationId: conversation.id } });
  return conversation.id;
}

/** A conversation of the tenant with a reply quiet hours hold: its ids, for taking the reply back. */
async function heldReply(tenantId: string): Promise<{ conversationId: string; replyId: string }> {
  const id = await conversationId(tenantId);
  const reply = await db().conversationReply.create({
    data: {
      tenantId,
      conversationId: id,
      body: 'See you at 9.',
      encoding: 'GSM-7',
      parts: 1,
      costMicros: 50_000,
      state: 'QUEUED',
      sendAfter: new Date(Date.now() + 3_600_000),
    },
    select: { id: true },
  });
  return { conversationId: id, replyId: reply.id.toString() };
}

async function savedReplyId(tenantId: string): Promise<string> {
  return (
    await db().savedReply.create({
      data: { tenantId, title: `Hours ${crypto.randomUUID()}`, body: 'Open 9 to 5.' },
      select: { id: true },
    })
  ).id;
}

const MATRIX_SEGMENT = {
  version: 1,
  root: {
    type: 'group',
    op: 'and',
    children: [
      { type: 'state', states: ['VIC', 'NSW'] },
      { type: 'tags', match: 'any', tags: ['vip'] },
    ],
  },
};

async function segmentId(tenantId: string): Promise<string> {
  return (
    await db().segment.create({
      data: { tenantId, name: `VIPs ${crypto.randomUUID()}`, definition: MATRIX_SEGMENT },
      select: { id: true },
    })
  ).id;
}

export const ROUTE_ACCESS: Record<string, RouteAccess> = {
  'GET /api/health': { kind: 'public', why: 'load balancers and uptime checks' },
  'GET /api/health/live': { kind: 'public', why: 'liveness probe, reads nothing' },
  'GET /api/health/ready': { kind: 'operator', path: '/api/health/ready' },
  'GET /api/metrics': { kind: 'metrics', path: '/api/metrics' },
  'GET /api/auth/[...nextauth]': { kind: 'public', why: 'next-auth sign-in endpoints' },
  'POST /api/auth/[...nextauth]': { kind: 'public', why: 'next-auth sign-in endpoints, rate limited' },
  'POST /api/webhooks/twilio/inbound': {
    kind: 'public',
    why: 'Twilio-signed; signature checks in tests/integration/webhooks',
  },
  'POST /api/webhooks/twilio/status': {
    kind: 'public',
    why: 'Twilio-signed; signature checks in tests/integration/webhooks',
  },
  'GET /api/cron/send': { kind: 'cron', path: '/api/cron/send' },
  'POST /api/cron/send': { kind: 'cron', path: '/api/cron/send' },
  'GET /api/cron/background': { kind: 'cron', path: '/api/cron/background' },
  'POST /api/cron/background': { kind: 'cron', path: '/api/cron/background' },
  'GET /api/me/inbox-digest': {
    kind: 'session',
    minimum: 'STAFF',
    request: () => ({ path: '/api/me/inbox-digest' }),
    allowedStatus: 200,
    foreign: 'own-tenant',
  },
  'PUT /api/me/inbox-digest': {
    kind: 'session',
    minimum: 'STAFF',
    request: () => ({ path: '/api/me/inbox-digest', body: { enabled: true } }),
    allowedStatus: 200,
    foreign: 'own-tenant',
  },
  'GET /api/me': {
    kind: 'session',
    minimum: 'VIEWER',
    request: () => ({ path: '/api/me' }),
    allowedStatus: 200,
    foreign: 'own-tenant',
  },
  'POST /api/session/tenant': {
    kind: 'session',
    minimum: 'VIEWER',
    request: (w) => ({ path: '/api/session/tenant', body: { tenantId: w.tenantA.id } }),
    allowedStatus: 200,
    foreign: 404,
  },
  'GET /api/users': {
    kind: 'session',
    minimum: 'ADMIN',
    request: () => ({ path: '/api/users' }),
    allowedStatus: 200,
    foreign: 'own-tenant',
  },
  'POST /api/users': {
    kind: 'session',
    minimum: 'ADMIN',
    request: () => ({
      path: '/api/users',
      body: { email: `invitee-${crypto.randomUUID()}@example.com`, role: 'VIEWER' },
    }),
    allowedStatus: 201,
    foreign: 'own-tenant',
  },
  'PATCH /api/users/[membershipId]': {
    kind: 'session',
    minimum: 'ADMIN',
    request: async (w) => ({
      path: '/api/users/x',
      params: { membershipId: (await signedInMember(w.tenantA.id, 'VIEWER')).membershipId },
      body: { role: 'STAFF' },
    }),
    allowedStatus: 200,
    foreign: 404,
  },
  'DELETE /api/users/[membershipId]': {
    kind: 'session',
    minimum: 'ADMIN',
    request: async (w) => ({
      path: '/api/users/x',
      params: { membershipId: (await signedInMember(w.tenantA.id, 'VIEWER')).membershipId },
    }),
    allowedStatus: 204,
    foreign: 404,
  },
  'GET /api/settings': {
    kind: 'session',
    minimum: 'VIEWER',
    request: () => ({ path: '/api/settings' }),
    allowedStatus: 200,
    foreign: 'own-tenant',
  },
  'PATCH /api/settings': {
    kind: 'session',
    minimum: 'ADMIN',
    request: () => ({ path: '/api/settings', body: { senderName: 'Acme' } }),
    allowedStatus: 200,
    foreign: 'own-tenant',
  },
  'GET /api/sending-numbers': {
    kind: 'session',
    minimum: 'VIEWER',
    request: () => ({ path: '/api/sending-numbers' }),
    allowedStatus: 200,
    foreign: 'own-tenant',
  },
  'POST /api/sending-numbers': {
    kind: 'session',
    minimum: 'ADMIN',
    // A fresh long code per call: a long code can belong to one tenant only.
    request: () => ({
      path: '/api/sending-numbers',
      body: { kind: 'LONG_CODE', value: `+6141${String(Math.floor(Math.random() * 1e7)).padStart(7, '0')}` },
    }),
    allowedStatus: 201,
    foreign: 'own-tenant',
  },
  'PATCH /api/sending-numbers/[numberId]': {
    kind: 'session',
    minimum: 'ADMIN',
    request: async (w) => {
      const number = await db().sendingNumber.create({
        data: { tenantId: w.tenantA.id, value: `ID${crypto.randomUUID().slice(0, 8)}`, kind: 'ALPHANUMERIC' },
        select: { id: true },
      });
      return { path: '/api/sending-numbers/x', params: { numberId: number.id }, body: { registered: true } };
    },
    allowedStatus: 200,
    foreign: 404,
  },
  'GET /api/imports': {
    kind: 'session',
    minimum: 'VIEWER',
    request: () => ({ path: '/api/imports' }),
    allowedStatus: 200,
    foreign: 'own-tenant',
  },
  'POST /api/imports': {
    kind: 'session',
    minimum: 'STAFF',
    request: () => ({ path: '/api/imports', body: { fileName: 'list.csv', fileSize: 1200 } }),
    allowedStatus: 201,
    foreign: 'own-tenant',
  },
  'GET /api/imports/[batchId]': {
    kind: 'session',
    minimum: 'VIEWER',
    request: async (w) => ({
      path: '/api/imports/x',
      params: { batchId: await dryRunFile(await actorFor(w.tenantA.admin), MATRIX_CSV) },
    }),
    allowedStatus: 200,
    foreign: 404,
  },
  'PUT /api/imports/[batchId]/chunks/[seq]': {
    kind: 'session',
    minimum: 'STAFF',
    request: async (w) => {
      const actor = await actorFor(w.tenantA.admin);
      const { id } = await (
        await import('@/lib/imports/create-import-batch')
      ).createImportBatch({ actor, input: { fileName: 'a.csv', fileSize: 1000 } });
      return { path: '/api/imports/x/chunks/0', params: { batchId: id, seq: '0' }, body: { piece: 'of a file' } };
    },
    allowedStatus: 204,
    foreign: 404,
  },
  'POST /api/imports/[batchId]/analyse': {
    kind: 'session',
    minimum: 'STAFF',
    request: async (w) => ({
      path: '/api/imports/x/analyse',
      params: { batchId: await uploadFile(await actorFor(w.tenantA.admin), MATRIX_CSV) },
    }),
    allowedStatus: 200,
    foreign: 404,
  },
  'POST /api/imports/[batchId]/dry-run': {
    kind: 'session',
    minimum: 'STAFF',
    request: async (w) => {
      const actor = await actorFor(w.tenantA.admin);
      const batchId = await uploadFile(actor, MATRIX_CSV);
      await analyseImport({ actor, batchId });
      return { path: '/api/imports/x/dry-run', params: { batchId }, body: { mapping: STANDARD_MAPPING } };
    },
    allowedStatus: 202,
    foreign: 404,
  },
  'POST /api/imports/[batchId]/commit': {
    kind: 'session',
    minimum: 'STAFF',
    request: async (w) => ({
      path: '/api/imports/x/commit',
      params: { batchId: await dryRunFile(await actorFor(w.tenantA.admin), MATRIX_CSV) },
    }),
    allowedStatus: 202,
    foreign: 404,
  },
  'GET /api/imports/[batchId]/rows': {
    kind: 'session',
    minimum: 'VIEWER',
    request: async (w) => ({
      path: '/api/imports/x/rows',
      params: { batchId: await dryRunFile(await actorFor(w.tenantA.admin), MATRIX_CSV) },
    }),
    allowedStatus: 200,
    foreign: 404,
  },
  'GET /api/imports/[batchId]/rejects': {
    kind: 'session',
    minimum: 'STAFF',
    request: async (w) => ({
      path: '/api/imports/x/rejects',
      params: { batchId: await dryRunFile(await actorFor(w.tenantA.admin), MATRIX_CSV) },
    }),
    allowedStatus: 200,
    foreign: 404,
  },
  'DELETE /api/contacts/[contactId]/opt-out': {
    kind: 'session',
    minimum: 'ADMIN',
    request: async (w) => {
      const phoneE164 = `+614${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`;
      const contact = await db().contact.create({
        data: { tenantId: w.tenantA.id, phoneE164, optedOutAt: new Date() },
        select: { id: true },
      });
      await db().dncEntry.create({ data: { tenantId: w.tenantA.id, phoneE164, source: 'STOP_REPLY' } });
      return {
        path: '/api/contacts/x/opt-out',
        params: { contactId: contact.id },
        body: { reason: 'Asked again by phone' },
      };
    },
    allowedStatus: 200,
    foreign: 404,
  },
  'GET /api/dnc': {
    kind: 'session',
    minimum: 'STAFF',
    request: () => ({ path: '/api/dnc?q=0412' }),
    allowedStatus: 200,
    foreign: 'own-tenant',
  },
  'POST /api/dnc': {
    kind: 'session',
    minimum: 'STAFF',
    request: () => ({
      path: '/api/dnc',
      // 0412 numbers are valid mobiles whatever their last six digits.
      body: { phone: `+61412${String(Math.floor(Math.random() * 1e6)).padStart(6, '0')}`, channel: 'EMAIL' },
    }),
    allowedStatus: 201,
    foreign: 'own-tenant',
  },
  'DELETE /api/dnc': {
    kind: 'session',
    minimum: 'ADMIN',
    request: async (w) => {
      const phoneE164 = `+61412${String(Math.floor(Math.random() * 1e6)).padStart(6, '0')}`;
      await db().dncEntry.create({ data: { tenantId: w.tenantA.id, phoneE164, source: 'ADMIN' } });
      return { path: '/api/dnc', body: { phone: phoneE164, reason: 'Asked to hear from us again' } };
    },
    allowedStatus: 200,
    foreign: 404,
  },
  'GET /api/dnc/export': {
    kind: 'session',
    minimum: 'STAFF',
    request: () => ({ path: '/api/dnc/export' }),
    allowedStatus: 200,
    foreign: 'own-tenant',
  },
  'GET /api/contacts/export': {
    kind: 'session',
    minimum: 'STAFF',
    request: () => ({ path: '/api/contacts/export?consent=EXPLICIT' }),
    allowedStatus: 200,
    foreign: 'own-tenant',
  },
  'POST /api/contacts/[contactId]/erase': {
    kind: 'session',
    minimum: 'ADMIN',
    request: async (w) => {
      const contact = await db().contact.create({
        data: {
          tenantId: w.tenantA.id,
          phoneE164: `+61412${String(Math.floor(Math.random() * 1e6)).padStart(6, '0')}`,
        },
        select: { id: true },
      });
      return { path: '/api/contacts/x/erase', params: { contactId: contact.id }, body: { reason: 'Asked by e-mail' } };
    },
    allowedStatus: 200,
    foreign: 404,
  },
  'POST /api/contacts/bulk-actions': {
    kind: 'session',
    minimum: 'STAFF',
    request: async (w) => {
      const tag = `matrix-${crypto.randomUUID().slice(0, 8)}`;
      await db().contact.create({
        data: {
          tenantId: w.tenantA.id,
          phoneE164: `+61412${String(Math.floor(Math.random() * 1e6)).padStart(6, '0')}`,
          tags: [tag],
        },
      });
      return {
        path: '/api/contacts/bulk-actions',
        body: { filter: { tag }, action: { kind: 'ADD_TAGS', tags: ['matrix'] }, expectedCount: 1 },
      };
    },
    allowedStatus: 202,
    foreign: 409,
  },
  'GET /api/contacts/bulk-actions/[bulkActionId]': {
    kind: 'session',
    minimum: 'STAFF',
    request: async (w) => {
      const action = await db().bulkAction.create({
        data: { tenantId: w.tenantA.id, kind: 'ADD_TAGS', filter: {}, tags: ['vip'], total: 0, state: 'DONE' },
        select: { id: true },
      });
      return { path: '/api/contacts/bulk-actions/x', params: { bulkActionId: action.id } };
    },
    allowedStatus: 200,
    foreign: 404,
  },
  'POST /api/contacts': {
    kind: 'session',
    minimum: 'STAFF',
    request: () => ({
      path: '/api/contacts',
      body: {
        phone: `+61412${String(Math.floor(Math.random() * 1e6)).padStart(6, '0')}`,
        firstName: 'Matrix',
        consentStatus: 'EXPLICIT',
        consentSource: 'signed up at the counter',
      },
    }),
    allowedStatus: 201,
    foreign: 'own-tenant',
  },
  'PATCH /api/contacts/[contactId]': {
    kind: 'session',
    minimum: 'STAFF',
    request: async (w) => {
      const contact = await db().contact.create({
        data: {
          tenantId: w.tenantA.id,
          phoneE164: `+61412${String(Math.floor(Math.random() * 1e6)).padStart(6, '0')}`,
        },
        select: { id: true },
      });
      return { path: '/api/contacts/x', params: { contactId: contact.id }, body: { firstName: 'Edited' } };
    },
    allowedStatus: 200,
    foreign: 404,
  },
  'GET /api/campaigns': {
    kind: 'session',
    minimum: 'VIEWER',
    request: () => ({ path: '/api/campaigns' }),
    allowedStatus: 200,
    foreign: 'own-tenant',
  },
  'POST /api/campaigns': {
    kind: 'session',
    minimum: 'STAFF',
    request: async (w) => ({ path: '/api/campaigns', body: campaignBody(await campaignSenderId(w.tenantA.id)) }),
    allowedStatus: 201,
    foreign: 422,
  },
  'POST /api/campaigns/[campaignId]/dry-run': {
    kind: 'session',
    minimum: 'STAFF',
    request: async (w) => ({
      path: '/api/campaigns/x/dry-run',
      params: { campaignId: await launchableCampaignId(w.tenantA.id) },
      body: {},
    }),
    allowedStatus: 200,
    foreign: 404,
  },
  'POST /api/campaigns/[campaignId]/launch': {
    kind: 'session',
    minimum: 'STAFF',
    request: async (w) => ({
      path: '/api/campaigns/x/launch',
      params: { campaignId: await launchableCampaignId(w.tenantA.id) },
      body: {},
    }),
    allowedStatus: 200,
    foreign: 404,
  },
  'POST /api/campaigns/[campaignId]/pause': {
    kind: 'session',
    minimum: 'STAFF',
    request: async (w) => ({
      path: '/api/campaigns/x/pause',
      params: { campaignId: await campaignIn(w.tenantA.id, 'RUNNING') },
      body: { reason: 'checking the copy' },
    }),
    allowedStatus: 200,
    foreign: 404,
  },
  'POST /api/campaigns/[campaignId]/resume': {
    kind: 'session',
    minimum: 'STAFF',
    request: async (w) => ({
      path: '/api/campaigns/x/resume',
      params: { campaignId: await campaignIn(w.tenantA.id, 'PAUSED') },
      body: {},
    }),
    allowedStatus: 200,
    foreign: 404,
  },
  'POST /api/campaigns/[campaignId]/cancel': {
    kind: 'session',
    minimum: 'STAFF',
    request: async (w) => ({
      path: '/api/campaigns/x/cancel',
      params: { campaignId: await campaignIn(w.tenantA.id, 'RUNNING') },
      body: {},
    }),
    allowedStatus: 200,
    foreign: 404,
  },
  'POST /api/campaigns/[campaignId]/test-send': {
    kind: 'session',
    minimum: 'STAFF',
    request: async (w) => ({
      path: '/api/campaigns/x/test-send',
      params: { campaignId: await launchableCampaignId(w.tenantA.id) },
      body: { phone: '0412 000 111' },
    }),
    allowedStatus: 200,
    foreign: 404,
  },
  'GET /api/campaigns/[campaignId]/progress': {
    kind: 'session',
    minimum: 'VIEWER',
    request: async (w) => ({
      path: '/api/campaigns/x/progress',
      params: { campaignId: await campaignIn(w.tenantA.id, 'RUNNING') },
    }),
    allowedStatus: 200,
    foreign: 404,
  },
  'GET /api/campaigns/[campaignId]/report/summary': {
    kind: 'session',
    minimum: 'VIEWER',
    request: async (w) => ({
      path: '/api/campaigns/x/report/summary',
      params: { campaignId: await campaignIn(w.tenantA.id, 'RUNNING') },
    }),
    allowedStatus: 200,
    foreign: 404,
  },
  'GET /api/campaigns/[campaignId]/report/recipients': {
    kind: 'session',
    minimum: 'STAFF',
    request: async (w) => ({
      path: '/api/campaigns/x/report/recipients',
      params: { campaignId: await campaignIn(w.tenantA.id, 'RUNNING') },
    }),
    allowedStatus: 200,
    foreign: 404,
  },
  'PUT /api/settings/kill-switch': {
    kind: 'session',
    minimum: 'ADMIN',
    request: () => ({ path: '/api/settings/kill-switch', body: { paused: false } }),
    allowedStatus: 200,
    foreign: 'own-tenant',
  },
  'GET /api/settings/budgets': {
    kind: 'session',
    minimum: 'VIEWER',
    request: () => ({ path: '/api/settings/budgets' }),
    allowedStatus: 200,
    foreign: 'own-tenant',
  },
  'PUT /api/settings/budgets': {
    kind: 'session',
    minimum: 'ADMIN',
    request: () => ({ path: '/api/settings/budgets', body: { dailyCapDollars: null, monthlyCapDollars: null } }),
    allowedStatus: 200,
    foreign: 'own-tenant',
  },
  'GET /api/campaigns/[campaignId]': {
    kind: 'session',
    minimum: 'VIEWER',
    request: async (w) => ({
      path: '/api/campaigns/x',
      params: { campaignId: await draftCampaignId(w.tenantA.id, await campaignSenderId(w.tenantA.id)) },
    }),
    allowedStatus: 200,
    foreign: 404,
  },
  'PATCH /api/campaigns/[campaignId]': {
    kind: 'session',
    minimum: 'STAFF',
    request: async (w) => {
      const numberId = await campaignSenderId(w.tenantA.id);
      return {
        path: '/api/campaigns/x',
        params: { campaignId: await draftCampaignId(w.tenantA.id, numberId) },
        body: { ...campaignBody(numberId), name: 'Renamed' },
      };
    },
    allowedStatus: 200,
    foreign: 404,
  },
  'DELETE /api/campaigns/[campaignId]': {
    kind: 'session',
    minimum: 'STAFF',
    request: async (w) => ({
      path: '/api/campaigns/x',
      params: { campaignId: await draftCampaignId(w.tenantA.id, await campaignSenderId(w.tenantA.id)) },
    }),
    allowedStatus: 204,
    foreign: 404,
  },
  'POST /api/campaigns/audience-size': {
    kind: 'session',
    minimum: 'VIEWER',
    request: () => ({ path: '/api/campaigns/audience-size', body: { audience: { kind: 'all' } } }),
    allowedStatus: 200,
    foreign: 'own-tenant',
  },
  'GET /api/audit': {
    kind: 'session',
    minimum: 'ADMIN',
    request: () => ({ path: '/api/audit' }),
    allowedStatus: 200,
    foreign: 'own-tenant',
  },
  'GET /api/conversations': {
    kind: 'session',
    minimum: 'VIEWER',
    request: () => ({ path: '/api/conversations?filter=all' }),
    allowedStatus: 200,
    foreign: 'own-tenant',
  },
  'GET /api/conversations/unread': {
    kind: 'session',
    minimum: 'VIEWER',
    request: () => ({ path: '/api/conversations/unread' }),
    allowedStatus: 200,
    foreign: 'own-tenant',
  },
  'GET /api/conversations/[conversationId]': {
    kind: 'session',
    minimum: 'VIEWER',
    request: async (w) => ({
      path: '/api/conversations/x',
      params: { conversationId: await conversationId(w.tenantA.id) },
    }),
    allowedStatus: 200,
    foreign: 404,
  },
  'PATCH /api/conversations/[conversationId]': {
    kind: 'session',
    minimum: 'STAFF',
    request: async (w) => ({
      path: '/api/conversations/x',
      params: { conversationId: await conversationId(w.tenantA.id) },
      body: { done: true },
    }),
    allowedStatus: 200,
    foreign: 404,
  },
  'POST /api/conversations/[conversationId]/read': {
    kind: 'session',
    minimum: 'STAFF',
    request: async (w) => ({
      path: '/api/conversations/x/read',
      params: { conversationId: await conversationId(w.tenantA.id) },
    }),
    allowedStatus: 204,
    foreign: 404,
  },
  'POST /api/conversations/[conversationId]/opt-out': {
    kind: 'session',
    minimum: 'STAFF',
    request: async (w) => ({
      path: '/api/conversations/x/opt-out',
      params: { conversationId: await conversationId(w.tenantA.id) },
    }),
    allowedStatus: 200,
    foreign: 404,
  },
  'POST /api/conversations/[conversationId]/contact': {
    kind: 'session',
    minimum: 'STAFF',
    request: async (w) => ({
      path: '/api/conversations/x/contact',
      params: { conversationId: await conversationId(w.tenantA.id) },
      body: { firstName: 'Sam' },
    }),
    allowedStatus: 201,
    foreign: 404,
  },
  'POST /api/conversations/[conversationId]/replies': {
    kind: 'session',
    minimum: 'STAFF',
    request: async (w) => ({
      path: '/api/conversations/x/replies',
      params: { conversationId: await conversationId(w.tenantA.id) },
      body: { body: 'Our Bondi store.' },
    }),
    allowedStatus: 201,
    foreign: 404,
  },
  'DELETE /api/conversations/[conversationId]/replies/[replyId]': {
    kind: 'session',
    minimum: 'STAFF',
    request: async (w) => ({ path: '/api/conversations/x/replies/y', params: await heldReply(w.tenantA.id) }),
    allowedStatus: 200,
    foreign: 404,
  },
  'POST /api/conversations/[conversationId]/replies/preview': {
    kind: 'session',
    minimum: 'STAFF',
    request: async (w) => ({
      path: '/api/conversations/x/replies/preview',
      params: { conversationId: await conversationId(w.tenantA.id) },
      body: { body: 'Our Bondi store.' },
    }),
    allowedStatus: 200,
    foreign: 404,
  },
  'GET /api/saved-replies': {
    kind: 'session',
    minimum: 'STAFF',
    request: () => ({ path: '/api/saved-replies' }),
    allowedStatus: 200,
    foreign: 'own-tenant',
  },
  'POST /api/saved-replies': {
    kind: 'session',
    minimum: 'STAFF',
    request: () => ({
      path: '/api/saved-replies',
      body: { title: `Hours ${crypto.randomUUID()}`, body: 'Open 9 to 5.' },
    }),
    allowedStatus: 201,
    foreign: 'own-tenant',
  },
  'PATCH /api/saved-replies/[savedReplyId]': {
    kind: 'session',
    minimum: 'STAFF',
    request: async (w) => ({
      path: '/api/saved-replies/x',
      params: { savedReplyId: await savedReplyId(w.tenantA.id) },
      body: { title: `Hours ${crypto.randomUUID()}`, body: 'Open 9 to 6.' },
    }),
    allowedStatus: 200,
    foreign: 404,
  },
  'DELETE /api/saved-replies/[savedReplyId]': {
    kind: 'session',
    minimum: 'STAFF',
    request: async (w) => ({
      path: '/api/saved-replies/x',
      params: { savedReplyId: await savedReplyId(w.tenantA.id) },
    }),
    allowedStatus: 204,
    foreign: 404,
  },
  'GET /api/segments': {
    kind: 'session',
    minimum: 'VIEWER',
    request: () => ({ path: '/api/segments' }),
    allowedStatus: 200,
    foreign: 'own-tenant',
  },
  'POST /api/segments': {
    kind: 'session',
    minimum: 'STAFF',
    request: () => ({
      path: '/api/segments',
      body: { name: `VIPs ${crypto.randomUUID()}`, definition: MATRIX_SEGMENT },
    }),
    allowedStatus: 201,
    foreign: 'own-tenant',
  },
  'POST /api/segments/count': {
    kind: 'session',
    minimum: 'VIEWER',
    request: () => ({ path: '/api/segments/count', body: { definition: MATRIX_SEGMENT } }),
    allowedStatus: 200,
    foreign: 'own-tenant',
  },
  'GET /api/segments/[segmentId]': {
    kind: 'session',
    minimum: 'VIEWER',
    request: async (w) => ({ path: '/api/segments/x', params: { segmentId: await segmentId(w.tenantA.id) } }),
    allowedStatus: 200,
    foreign: 404,
  },
  'PATCH /api/segments/[segmentId]': {
    kind: 'session',
    minimum: 'STAFF',
    request: async (w) => ({
      path: '/api/segments/x',
      params: { segmentId: await segmentId(w.tenantA.id) },
      body: { name: `VIPs ${crypto.randomUUID()}`, definition: MATRIX_SEGMENT },
    }),
    allowedStatus: 200,
    foreign: 404,
  },
  'DELETE /api/segments/[segmentId]': {
    kind: 'session',
    minimum: 'STAFF',
    request: async (w) => ({ path: '/api/segments/x', params: { segmentId: await segmentId(w.tenantA.id) } }),
    allowedStatus: 204,
    foreign: 404,
  },
};
