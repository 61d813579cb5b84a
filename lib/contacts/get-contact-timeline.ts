import 'server-only';
import type { Actor } from '../auth/actor';
import { seesPersonalData } from '../auth/roles';
import { db } from '../db/client';
import { explainTwilioError } from '../providers/twilio-errors';

export interface TimelineEntry {
  at: Date;
  kind: 'inbound' | 'message' | 'click' | 'consent';
  title: string;
  detail: string | null;
}

export interface GetContactTimelineOptions {
  actor: Actor;
  contactId: string;
}

/**
 * What a contact sent us, every status of every message we sent them, the clicks on
 * their links and their opt-outs and opt-ins, newest first; a viewer gets no message texts.
 */
export async function getContactTimeline({ actor, contactId }: GetContactTimelineOptions): Promise<TimelineEntry[]> {
  const [inbound, jobs, consent] = await Promise.all([
    db().inboundMessage.findMany({
      where: { tenantId: actor.tenantId, contactId },
      orderBy: { receivedAt: 'desc' },
      take: 100,
      select: { body: true, keyword: true, possibleOptOut: true, receivedAt: true },
    }),
    db().sendJob.findMany({
      where: { tenantId: actor.tenantId, contactId },
      orderBy: { createdAt: 'desc' },
      take: 50,
      select: {
        state: true,
        gateReason: true,
        createdAt: true,
        body: true,
        campaignId: true,
        events: {
          orderBy: { occurredAt: 'asc' },
          select: { state: true, errorCode: true, detail: true, occurredAt: true },
        },
        shortLinks: {
          select: {
            clicks: {
              orderBy: { occurredAt: 'desc' },
              take: 20,
              select: { occurredAt: true, isBot: true, botReason: true },
            },
          },
        },
      },
    }),
    db().consentEvent.findMany({
      where: { tenantId: actor.tenantId, contactId, action: { in: ['OPTED_OUT', 'OPTED_IN'] } },
      orderBy: { occurredAt: 'desc' },
      take: 50,
      select: { action: true, source: true, occurredAt: true },
    }),
  ]);
  const campaigns = await db().campaign.findMany({
    where: { tenantId: actor.tenantId, id: { in: [...new Set(jobs.map((j) => j.campaignId))] } },
    select: { id: true, name: true },
  });
  const campaignName = new Map(campaigns.map((c) => [c.id, c.name]));
  const showTexts = seesPersonalData(actor.role);
  const entries: TimelineEntry[] = inbound.map((m) => ({
    at: m.receivedAt,
    kind: 'inbound',
    title:
      m.keyword !== 'NONE'
        ? `Replied with a keyword (${m.keyword.toLowerCase().replace('_', '-')})`
        : m.possibleOptOut
          ? 'Replied — possibly asking to opt out; read it and opt them out if so'
          : 'Replied',
    detail: showTexts ? m.body : null,
  }));
  for (const job of jobs) {
    const name = campaignName.get(job.campaignId) ?? 'a campaign';
    entries.push({
      at: job.createdAt,
      kind: 'message',
      title: `Queued for “${name}”`,
      detail: showTexts ? job.body : null,
    });
    for (const e of job.events) {
      entries.push({
        at: e.occurredAt,
        kind: 'message',
        title: `${name}: ${e.state.toLowerCase()}${e.errorCode ? ` (error ${e.errorCode})` : ''}`,
        detail: e.detail ?? explainTwilioError(e.errorCode),
      });
    }
    for (const click of job.shortLinks.flatMap((l) => l.clicks))
      entries.push({
        at: click.occurredAt,
        kind: 'click',
        title: click.isBot ? `${name}: link checked by a bot or preview` : `${name}: opened the link`,
        detail: click.isBot ? click.botReason : null,
      });
    if (job.state === 'SKIPPED')
      entries.push({ at: job.createdAt, kind: 'message', title: `${name}: skipped`, detail: job.gateReason });
  }
  for (const e of consent)
    entries.push({
      at: e.occurredAt,
      kind: 'consent',
      title: e.action === 'OPTED_OUT' ? 'Opted out' : 'Opted back in',
      detail: e.source.replace(/_/g, ' '),
    });
  return entries.sort((a, b) => b.at.getTime() - a.at.getTime());
}
