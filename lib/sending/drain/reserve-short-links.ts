import 'server-only';
import type { Queryable } from '../../db/queryable';
import { env } from '../../env';
import { signLinkToken } from '../../links/link-token';

export interface ReservedLink {
  id: bigint;
  token: string;
  url: string;
  expiresAt: Date;
}

export interface ReserveShortLinksOptions {
  /** One link per request, each under its tenant's short-link base. */
  requests: readonly { base: string }[];
  now: Date;
}

/**
 * Takes link ids for a batch in one round trip and signs their tokens, so each
 * message can be written (and priced) with its real short URL before the gates
 * run. Only the links of messages that pass are stored; the other ids are gaps.
 * One link per request, in the order of the requests.
 */
export async function reserveShortLinks(
  tx: Queryable,
  { requests, now }: ReserveShortLinksOptions,
): Promise<ReservedLink[]> {
  if (!requests.length) return [];
  const { rows } = await tx.query<{ id: string }>(
    `SELECT nextval(pg_get_serial_sequence('short_links', 'id')) AS id FROM generate_series(1, $1)`,
    [requests.length],
  );
  const expiresAt = new Date(now.getTime() + env().LINK_TTL_DAYS * 86_400_000);
  return rows.map((row, i) => {
    const id = BigInt(row.id);
    const token = signLinkToken(id, expiresAt);
    return { id, token, url: `${requests[i].base}/l/${token}`, expiresAt };
  });
}
