import type { Actor } from '../auth/actor';
import { db } from '../db/client';
import { explainTwilioError } from '../webhooks/twilio-error-codes';

export interface TimelineEntry {
  at: Date;
  kind: 'inbound' | 'message';
  title: string;
  detail: string | null;
}

/** What a contact sent us and every status of every message we sent them, newest first. */
export async function getContactTimeline({ actor, contactId }: { actor: Actor; contactId: string }): Promise<TimelineEntry[]> {
  const [inbound, jobs] = await Promise.all([
    db().inboundMessage.findMany({ where: { tenantId: actor.tenantId, contactId }, orderBy: { receivedAt: 'desc' }, take: 100, select: { body: true, keyword: true, receivedAt: true } }),
    db().sendJob.findMany({
      where: { tenantId: actor.tenantId, contactId },
      orderBy: { createdAt: 'desc' },
      take: 50,
      select: {
        state: true, gateReason: true, createdAt: true, body: true,
        campaign: { select: { name: true } },
        events: { orderBy: { occurredAt: 'asc' }, select: { state: true, errorCode: true, detail: true, occurredAt: true } },
      },
    }),
  ]);
  const entries: TimelineEntry[] = inbound.map((m) => ({
    at: m.receivedAt,
    kind: 'inbound',
    title: m.keyword === 'NONE' ? 'Replied' : `Replied with a keyword (${m.keyword.toLowerCase().replace('_', '-')})`,
    detail: m.body,
  }));
  for (const job of jobs) {
    entries.push({ at: job.createdAt, kind: 'message', title: `Queued for “${job.campaign.name}”`, detail: job.body });
    for (const e of job.events) {
      entries.push({ at: e.occurredAt, kind: 'message', title: `${job.campaign.name}: ${e.state.toLowerCase()}${e.errorCode ? ` (error ${e.errorCode})` : ''}`, detail: e.detail ?? explainTwilioError(e.errorCode) });
    }
    if (job.state === 'SKIPPED') entries.push({ at: job.createdAt, kind: 'message', title: `${job.campaign.name}: skipped`, detail: job.gateReason });
  }
  return entries.sort((a, b) => b.at.getTime() - a.at.getTime());
}
