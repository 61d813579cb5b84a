import 'server-only';
import { pgPool } from '../db/pg-pool';
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
  // Straight through node-postgres: the ORM's query took a redirect that missed the cache
  // from 911 to 1,246 µs of the server's CPU, a quarter of its throughput.
  const { rows } = await pgPool().query<{
    id: string;
    token: string;
    tenantId: string;
    campaignId: string | null;
    targetUrl: string;
    expiresAt: Date;
    deliveredAt: Date | null;
  }>(
    `SELECT l.id::text AS id, l.token, l."tenantId", l."campaignId", l."targetUrl", l."expiresAt", j."deliveredAt"
       FROM short_links l LEFT JOIN send_jobs j ON j.id = l."sendJobId"
      WHERE l.id = $1::bigint`,
    [check.linkId.toString()],
  );
  const row = rows[0];
  const link =
    row && row.token === token && row.expiresAt.getTime() > now
      ? {
          id: BigInt(row.id),
          tenantId: row.tenantId,
          campaignId: row.campaignId,
          targetUrl: row.targetUrl,
          deliveredAt: row.deliveredAt,
        }
      : null;
  if (cache.size >= CACHE_MAX) cache.delete(cache.keys().next().value as string);
  cache.set(token, { link, until: now + CACHE_TTL_MS });
  return link;
}
