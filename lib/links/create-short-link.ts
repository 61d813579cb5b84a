import type { Prisma } from '../generated/prisma/client';
import { env, publicBaseUrl } from '../env';
import { signLinkToken } from './link-token';

/** Where short links live: the tenant's short-link domain, SHORT_LINK_BASE_URL, or the app's own URL. */
export function shortLinkBase(tenantBase?: string | null): string {
  return (tenantBase ?? env().SHORT_LINK_BASE_URL ?? publicBaseUrl()).replace(/\/$/, '');
}

/** A per-recipient short link; the id is taken first because the token signs it. */
export async function createShortLink(
  tx: Prisma.TransactionClient,
  options: {
    tenantId: string;
    campaignId: string | null;
    sendJobId: bigint | null;
    targetUrl: string;
    baseUrl?: string | null;
  },
): Promise<{ id: bigint; token: string; url: string }> {
  const [{ id }] = await tx.$queryRaw<
    { id: bigint }[]
  >`SELECT nextval(pg_get_serial_sequence('short_links', 'id')) AS id`;
  const expiresAt = new Date(Date.now() + env().LINK_TTL_DAYS * 86_400_000);
  const token = signLinkToken(id, expiresAt);
  await tx.shortLink.create({
    data: {
      id,
      tenantId: options.tenantId,
      token,
      campaignId: options.campaignId,
      sendJobId: options.sendJobId,
      targetUrl: options.targetUrl,
      expiresAt,
    },
  });
  return { id, token, url: `${shortLinkBase(options.baseUrl)}/l/${token}` };
}
