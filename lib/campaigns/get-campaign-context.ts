import 'server-only';
import type { Actor } from '../auth/actor';
import { listCustomFieldNames } from '../contacts/list-custom-field-names';
import { db } from '../db/client';
import { pgPool } from '../db/pg-pool';
import { shortLinkBase } from '../links/create-short-link';
import { listSegments } from '../segments/list-segments';
import { listSendingNumbers } from '../sending-numbers/list-sending-numbers';
import { TENANT_DEFAULTS } from '../tenants/tenant-defaults';

export interface GetCampaignContextOptions {
  actor: Actor;
}

/**
 * What the campaign pages need beside the campaign itself: how messages are
 * signed, priced and timed in this workspace, the numbers and committed imports
 * a campaign can use, and the caller's own phone for test sends.
 */
export async function getCampaignContext({ actor }: GetCampaignContextOptions) {
  const [settings, numbers, imports, user, customFieldNames, segments] = await Promise.all([
    db().tenantSettings.findUnique({
      where: { tenantId: actor.tenantId },
      select: { senderName: true, timeZone: true, pricePerPartMicros: true, shortLinkBaseUrl: true },
    }),
    listSendingNumbers({ actor }),
    db().importBatch.findMany({
      where: { tenantId: actor.tenantId, status: 'COMMITTED' },
      orderBy: { committedAt: 'desc' },
      take: 100,
      select: { id: true, fileName: true, committedAt: true, createCount: true, updateCount: true },
    }),
    db().user.findUnique({ where: { id: actor.userId }, select: { phoneE164: true } }),
    listCustomFieldNames(pgPool(), { tenantId: actor.tenantId }),
    listSegments({ actor }),
  ]);
  return {
    // The opt-out line names the sender; an unset sender name falls back to the workspace's name, as at send time.
    senderName: settings?.senderName.trim() || actor.tenantName,
    timeZone: settings?.timeZone ?? TENANT_DEFAULTS.timeZone,
    pricePerPartMicros: settings?.pricePerPartMicros ?? TENANT_DEFAULTS.pricePerPartMicros,
    shortLinkBase: shortLinkBase(settings?.shortLinkBaseUrl),
    numbers: numbers.map((n) => ({
      id: n.id,
      value: n.value,
      kind: n.kind,
      registered: n.registered,
      active: n.active,
    })),
    imports: imports.map((b) => ({
      id: b.id,
      fileName: b.fileName,
      committedAt: b.committedAt?.toISOString() ?? null,
      contacts: b.createCount + b.updateCount,
    })),
    segments: segments.map((s) => ({ id: s.id, name: s.name })),
    testPhone: user?.phoneE164 ?? null,
    customFieldNames,
  };
}
export type CampaignContext = Awaited<ReturnType<typeof getCampaignContext>>;
