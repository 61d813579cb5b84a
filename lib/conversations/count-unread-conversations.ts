import 'server-only';
import type { Actor } from '../auth/actor';
import { pgPool } from '../db/pg-pool';
import { IS_UNREAD } from './conversation-flags';
import { foldInboundMessages } from './fold-inbound-messages';

export interface CountUnreadConversationsOptions {
  actor: Actor;
}

/** How many of the tenant's conversations have a reply nobody has read: the navigation's badge. */
export async function countUnreadConversations({ actor }: CountUnreadConversationsOptions): Promise<number> {
  await foldInboundMessages(pgPool(), { tenantId: actor.tenantId });
  const { rows } = await pgPool().query<{ unread: number }>(
    `SELECT count(*)::int AS unread FROM conversations c WHERE c."tenantId" = $1::uuid AND ${IS_UNREAD}`,
    [actor.tenantId],
  );
  return rows[0].unread;
}
