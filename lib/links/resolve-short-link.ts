import 'server-only';
import { db } from '../db/client';
import { verifyLinkToken } from './link-token';

export interface ResolvedLink {
  id: bigint;
  tenantId: string;
  campaignId: string | null;
  targetUrl: string;
  deliveredAt: Date | null;
}

// Hot links are looked up once a minute per instance, not once per click.
const CACHE_TTL_MS = 60_000;
const CACHE_MAX = 10_000;
const cache = new Map<string, { link: ResolvedLink | null; until: number }>();

/** The link a token stands for, or null when it is malformed, tampered, expired or unknown. */
export async function resolveShortLink(token: string, now = Date.now()): Promise<ResolvedLink | null> {
  const check = verifyLinkToken(token, now);
  if (!check.ok) return null;
  const hit = cache.get(token);
  if (hit && hit.until > now) return hit.link;
  const row = await db().shortLink.findUnique({
    where: { id: check.linkId },
    select: {
      id: true,
      token: true,
      tenantId: true,
      campaignId: true,
      targetUrl: true,
      expiresAt: true,
      sendJob: { select: { deliveredAt: true } },
    },
  });
  const link =
    row && row.token === token && row.expiresAt.getTime() > now
      ? {
          id: row.id,
          tenantId: row.tenantId,
          campaignId: row.campaignId,
          targetUrl: row.targetUrl,
          deliveredAt: row.sendJob?.deliveredAt ?? null,
        }
      : null;
  if (cache.size >= CACHE_MAX) cache.delete(cache.keys().next().value as string);
  cache.set(token, { link, until: now + CACHE_TTL_MS });
  return link;
}
