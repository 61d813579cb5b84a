import 'server-only';
import type { Actor } from '../auth/actor';
import { db } from '../db/client';
import { AppError } from '../errors';
import { AudienceSchema, type Audience } from '../audiences/audience';
import { CampaignIdSchema } from './schemas';

export const CAMPAIGN_NOT_FOUND = 'That campaign does not exist in this workspace.';

export interface LaunchSummary {
  queued: number;
  excluded: Record<string, number>;
}

function readLaunchSummary(value: unknown): LaunchSummary | null {
  if (!value || typeof value !== 'object') return null;
  const { queued, excluded } = value as { queued?: unknown; excluded?: unknown };
  if (typeof queued !== 'number') return null;
  const counts = Object.entries(excluded && typeof excluded === 'object' ? excluded : {}).filter(
    (e): e is [string, number] => typeof e[1] === 'number',
  );
  return { queued, excluded: Object.fromEntries(counts) };
}

export interface GetCampaignOptions {
  actor: Actor;
  campaignId: string;
}

/** One campaign as its page and the editor show it: messages, numbers, audience and who wrote it. */
export async function getCampaign({ actor, campaignId }: GetCampaignOptions) {
  // A malformed id names no campaign; the database would refuse to compare it at all.
  if (!CampaignIdSchema.safeParse(campaignId).success) throw new AppError('not_found', CAMPAIGN_NOT_FOUND);
  const row = await db().campaign.findFirst({
    where: { id: campaignId, tenantId: actor.tenantId },
    select: {
      id: true,
      name: true,
      status: true,
      audience: true,
      rotation: true,
      linkUrl: true,
      scheduledAt: true,
      launchedAt: true,
      completedAt: true,
      pausedAt: true,
      pausedReason: true,
      launchSummary: true,
      audienceSnapshot: true,
      createdById: true,
      createdAt: true,
      updatedAt: true,
      templates: { orderBy: { position: 'asc' }, select: { id: true, body: true, weight: true, position: true } },
      numbers: {
        orderBy: { sendingNumber: { createdAt: 'asc' } },
        select: { sendingNumber: { select: { id: true, value: true, kind: true, registered: true, active: true } } },
      },
    },
  });
  if (!row) throw new AppError('not_found', CAMPAIGN_NOT_FOUND);
  // Written only through CampaignInputSchema; a row that no longer parses is shown as everyone rather than crashing the page.
  const parsed = AudienceSchema.safeParse(row.audience);
  const audience: Audience = parsed.success ? parsed.data : { kind: 'all' };
  const [createdBy, batch, segment] = await Promise.all([
    row.createdById ? db().user.findUnique({ where: { id: row.createdById }, select: { email: true } }) : null,
    audience.kind === 'batch'
      ? db().importBatch.findFirst({
          where: { id: audience.batchId, tenantId: actor.tenantId },
          select: { id: true, fileName: true, createdAt: true },
        })
      : null,
    audience.kind === 'segment'
      ? db().segment.findFirst({
          where: { id: audience.segmentId, tenantId: actor.tenantId },
          select: { id: true, name: true },
        })
      : null,
  ]);
  const snapshot = row.audienceSnapshot as { name?: unknown } | null;
  const iso = (d: Date | null) => (d ? d.toISOString() : null);
  return {
    id: row.id,
    name: row.name,
    status: row.status,
    audience,
    audienceBatch: batch ? { id: batch.id, fileName: batch.fileName, createdAt: batch.createdAt.toISOString() } : null,
    /** The segment as it is now (null once deleted). */
    audienceSegment: segment,
    /** The segment's name as recorded at launch, which a report shows even after the segment changes. */
    audienceSnapshotName: typeof snapshot?.name === 'string' ? snapshot.name : null,
    rotation: row.rotation,
    linkUrl: row.linkUrl,
    scheduledAt: iso(row.scheduledAt),
    launchedAt: iso(row.launchedAt),
    completedAt: iso(row.completedAt),
    pausedAt: iso(row.pausedAt),
    pausedReason: row.pausedReason,
    launchSummary: readLaunchSummary(row.launchSummary),
    createdBy: row.createdById ? (createdBy?.email ?? 'former member') : null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    templates: row.templates,
    numbers: row.numbers.map((n) => n.sendingNumber),
  };
}
export type CampaignView = Awaited<ReturnType<typeof getCampaign>>;
