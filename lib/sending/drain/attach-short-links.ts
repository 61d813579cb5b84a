import 'server-only';
import type { Queryable } from '../../db/queryable';
import { pickTemplate } from '../../messages/pick-template';
import type { BatchJob, LinkedJob } from './batch-job';
import { reserveShortLinks } from './reserve-short-links';

export interface AttachShortLinksOptions {
  jobs: readonly BatchJob[];
  now: Date;
}

/**
 * Where a job's short link will point from, or null when it needs none: a message
 * written on an earlier attempt keeps its text, and only a campaign with a link
 * whose template for this job uses it needs one.
 */
function shortLinkBaseOf({ claimed, campaign }: BatchJob): string | null {
  if (claimed.body !== null || !campaign?.linkUrl || !campaign.templates.length) return null;
  return pickTemplate(campaign.templates, campaign.rotation, claimed.id).parsed.usesLink
    ? campaign.shortLinkBase
    : null;
}

/** Reserves, in one round trip, a short link for each job whose message will carry one. */
export async function attachShortLinks(tx: Queryable, { jobs, now }: AttachShortLinksOptions): Promise<LinkedJob[]> {
  const wanted = jobs.flatMap((job) => {
    const base = shortLinkBaseOf(job);
    return base === null ? [] : [{ job, base }];
  });
  const links = await reserveShortLinks(tx, { requests: wanted, now });
  const linkOf = new Map(wanted.map(({ job }, i) => [job, links[i]]));
  return jobs.map((job) => ({ ...job, link: linkOf.get(job) ?? null }));
}
