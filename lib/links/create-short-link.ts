import 'server-only';
import type { Tx } from '../db/transaction';
import { env, publicBaseUrl } from '../env';
import { signLinkToken } from './link-token';

/** Where short links live: the tenant's short-link domain, SHORT_LINK_BASE_URL, or the app's own URL. */
export function shortLinkBase(tenantBase?: string | null): string {
  return (tenantBase ?? env().SHORT_LINK_BASE_URL ?? publicBaseUrl()).replace(/\/$/, '');
}

export interface CreateShortLinkOptions {
  tenantId: string;
  campaignId: string | null;
  sendJobId: bigint | null;
  targetUrl: string;
  baseUrl?: string | null;
}

/** A per-recipient short link; the id is taken first because the token signs it. */
export async function createShortLink(
  tx: Tx,
  options: CreateShortLinkOptions,
): Promise<{ id: bigint; token: string; url: string }> {
  const {
    rows: [next],
  } = await tx.query<{ id: string }>(`SELECT nextval(pg_get_serial_sequence('short_links', 'id')) AS id`);
  const id = BigInt(next.id);
  const expiresAt = new Date(Date.now() + env().LINK_TTL_DAYS * 86_400_000);
  const token = signLinkToken(id, expiresAt);
  await tx.query(
    `INSERT INTO short_links (id, "tenantId", token, "campaignId", "sendJobId", "targetUrl", "expiresAt")
     VALUES ($1::bigint, $2::uuid, $3, $4::uuid, $5::bigint, $6, $7::timestamp)`,
    [
      id.toString(),
      options.tenantId,
      token,
      options.campaignId,
      options.sendJobId?.toString() ?? null,
      options.targetUrl,
      expiresAt.toISOString(),
    ],
  );
  return { id, token, url: `${shortLinkBase(options.baseUrl)}/l/${token}` };
}
