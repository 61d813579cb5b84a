import type { Audience } from '@/lib/audiences/audience';
import type { CampaignView } from '@/lib/campaigns/get-campaign';
import type { CampaignInputFields } from '@/lib/campaigns/schemas';
import { instantAt, localTime } from '@/lib/time/zoned-time';

/** The editor's form state: what the inputs hold, before it becomes a CampaignInput. */
export interface EditorFields {
  name: string;
  audienceKind: Audience['kind'];
  batchId: string;
  segmentId: string;
  consent: ('EXPLICIT' | 'IMPLIED')[];
  /** Comma-separated, as typed. */
  tags: string;
  rotation: 'ROUND_ROBIN' | 'WEIGHTED';
  templates: { body: string; weight: number }[];
  linkUrl: string;
  sendingNumberIds: string[];
  /** A datetime-local value, read in the workspace's time zone. */
  scheduledAt: string;
}

const pad = (n: number) => String(n).padStart(2, '0');

export function isoToLocalInput(iso: string, timeZone: string): string {
  const t = localTime(new Date(iso), timeZone);
  return `${t.year}-${pad(t.month)}-${pad(t.day)}T${pad(t.hour)}:${pad(t.minute)}`;
}

/** A datetime-local value as the instant it names in the workspace's zone; anything unreadable is passed on for the schema to refuse. */
export function localInputToIso(value: string, timeZone: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/.exec(value);
  if (!m) return value;
  return instantAt(
    { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]), hour: Number(m[4]), minute: Number(m[5]) },
    timeZone,
  ).toISOString();
}

export function splitTags(tags: string): string[] {
  return [
    ...new Set(
      tags
        .split(',')
        .map((t) => t.trim())
        .filter(Boolean),
    ),
  ];
}

export function audienceFrom(
  fields: Pick<EditorFields, 'audienceKind' | 'batchId' | 'segmentId' | 'consent' | 'tags'>,
): Audience {
  switch (fields.audienceKind) {
    case 'all':
      return { kind: 'all' };
    case 'batch':
      return { kind: 'batch', batchId: fields.batchId };
    case 'filter':
      return { kind: 'filter', consent: fields.consent, tagsAny: splitTags(fields.tags) };
    case 'segment':
      return { kind: 'segment', segmentId: fields.segmentId };
  }
}

function isWeight(n: number): boolean {
  return Number.isInteger(n) && n >= 1 && n <= 100;
}

/** The request body the API takes; the same object is checked with CampaignInputSchema before it is sent. */
export function toCampaignInput(fields: EditorFields, timeZone: string): CampaignInputFields {
  return {
    name: fields.name,
    audience: audienceFrom(fields),
    rotation: fields.rotation,
    // Weights are hidden while messages rotate in turn; a stray one must not block saving.
    templates: fields.templates.map((t) => ({
      body: t.body,
      weight: fields.rotation === 'WEIGHTED' || isWeight(t.weight) ? t.weight : 1,
    })),
    linkUrl: fields.linkUrl.trim() || null,
    sendingNumberIds: fields.sendingNumberIds,
    scheduledAt: fields.scheduledAt ? localInputToIso(fields.scheduledAt, timeZone) : null,
  };
}

export function fieldsFromCampaign(
  campaign: CampaignView | null,
  {
    timeZone,
    defaultNumberIds,
    defaultBatchId,
    defaultSegmentId,
  }: { timeZone: string; defaultNumberIds: string[]; defaultBatchId: string; defaultSegmentId: string },
): EditorFields {
  if (!campaign) {
    return {
      name: '',
      audienceKind: 'all',
      batchId: defaultBatchId,
      segmentId: defaultSegmentId,
      consent: ['EXPLICIT', 'IMPLIED'],
      tags: '',
      rotation: 'ROUND_ROBIN',
      templates: [{ body: '', weight: 1 }],
      linkUrl: '',
      sendingNumberIds: defaultNumberIds,
      scheduledAt: '',
    };
  }
  const { audience } = campaign;
  return {
    name: campaign.name,
    audienceKind: audience.kind,
    batchId: audience.kind === 'batch' ? audience.batchId : defaultBatchId,
    segmentId: audience.kind === 'segment' ? audience.segmentId : defaultSegmentId,
    consent: audience.kind === 'filter' ? audience.consent : ['EXPLICIT', 'IMPLIED'],
    tags: audience.kind === 'filter' ? audience.tagsAny.join(', ') : '',
    rotation: campaign.rotation,
    templates: campaign.templates.map((t) => ({ body: t.body, weight: t.weight })),
    linkUrl: campaign.linkUrl ?? '',
    sendingNumberIds: campaign.numbers.map((n) => n.id),
    scheduledAt: campaign.scheduledAt ? isoToLocalInput(campaign.scheduledAt, timeZone) : '',
  };
}

/** Where an issue's path ("templates.0.body", "audience.batchId") is shown in the editor. */
export function issueKey(path: string): string {
  if (path.startsWith('audience.tagsAny')) return 'audience.tagsAny';
  if (path === 'audience.kind') return 'audience';
  if (path.startsWith('sendingNumberIds')) return 'sendingNumberIds';
  return path;
}
