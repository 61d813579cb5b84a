import 'server-only';
import type { Actor } from '../auth/actor';
import { roleAtLeast } from '../auth/roles';
import { pgPool } from '../db/pg-pool';
import type { InboundKeyword } from '../generated/prisma/enums';
import { IS_DONE, IS_POSSIBLE_OPT_OUT, IS_UNREAD, KEYWORD_HANDLED, NEEDS_REPLY } from './conversation-flags';
import type { ConversationFilter, ConversationQuery } from './conversation-query';
import { foldInboundMessages } from './fold-inbound-messages';

export const CONVERSATIONS_PER_PAGE = 50;

export interface ConversationSummary {
  id: string;
  numberValue: string;
  remoteE164: string;
  contactId: string | null;
  contactName: string | null;
  campaignId: string | null;
  campaignName: string | null;
  /** The last message the person sent; null for a viewer, who may not read message bodies. */
  lastInboundBody: string | null;
  lastInboundKeyword: InboundKeyword;
  lastActivityAt: Date;
  assignedToEmail: string | null;
  unread: boolean;
  needsReply: boolean;
  possibleOptOut: boolean;
  keywordHandled: boolean;
  done: boolean;
  optedOut: boolean;
}

export interface ListConversationsOptions {
  actor: Actor;
  query: ConversationQuery;
}

const PHONE_LIKE = /^[\d\s()+.-]+$/;

const FILTER_SQL: Record<ConversationFilter, string> = {
  open: `NOT ${IS_DONE}`,
  unread: IS_UNREAD,
  'needs-reply': NEEDS_REPLY,
  'possible-opt-out': IS_POSSIBLE_OPT_OUT,
  mine: `NOT ${IS_DONE}`,
  done: IS_DONE,
  all: 'true',
};

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, '\\$&');
}

/**
 * The inbox: one row per conversation, newest activity first, after folding in the
 * replies that arrived since it was last read. A number is searched by its digits
 * (a national 04… matches the +614… it is stored as), a name through the contact's
 * folded search column.
 */
export async function listConversations({ actor, query }: ListConversationsOptions) {
  await foldInboundMessages(pgPool(), { tenantId: actor.tenantId });
  const values: unknown[] = [actor.tenantId];
  const param = (value: unknown) => `$${values.push(value)}`;
  const where = ['c."tenantId" = $1::uuid', FILTER_SQL[query.filter]];
  if (query.filter === 'mine') where.push(`c."assignedToId" = ${param(actor.userId)}::uuid`);
  if (query.q) {
    const digits = query.q.replace(/\D/g, '').replace(/^0/, '');
    if (PHONE_LIKE.test(query.q) && digits) where.push(`c."remoteE164" LIKE ${param(`%${digits}%`)}`);
    else where.push(`contact."searchText" LIKE '%' || contact_search_key(${param(escapeLike(query.q))}) || '%'`);
  }
  const limit = param(CONVERSATIONS_PER_PAGE + 1);
  const offset = param((query.page - 1) * CONVERSATIONS_PER_PAGE);
  const { rows } = await pgPool().query<Omit<ConversationSummary, 'lastInboundBody'> & { lastInboundBody: string }>(
    `SELECT c.id, c."numberValue", c."remoteE164", contact.id AS "contactId",
       NULLIF(concat_ws(' ', contact."firstName", contact."lastName"), '') AS "contactName",
       c."campaignId", campaign.name AS "campaignName", c."lastInboundBody", c."lastInboundKeyword",
       c."lastActivityAt", assignee.email AS "assignedToEmail",
       ${IS_UNREAD} AS unread, ${NEEDS_REPLY} AS "needsReply", ${IS_POSSIBLE_OPT_OUT} AS "possibleOptOut",
       ${KEYWORD_HANDLED} AS "keywordHandled", ${IS_DONE} AS done, dnc.id IS NOT NULL AS "optedOut"
     FROM conversations c
     LEFT JOIN contacts contact ON contact."tenantId" = c."tenantId" AND contact."phoneE164" = c."remoteE164"
     LEFT JOIN campaigns campaign ON campaign."tenantId" = c."tenantId" AND campaign.id = c."campaignId"
     LEFT JOIN dnc_entries dnc ON dnc."tenantId" = c."tenantId" AND dnc."phoneE164" = c."remoteE164"
     LEFT JOIN users assignee ON assignee.id = c."assignedToId"
     WHERE ${where.join(' AND ')}
     ORDER BY c."lastActivityAt" DESC, c.id
     LIMIT ${limit} OFFSET ${offset}`,
    values,
  );
  const readsBodies = roleAtLeast(actor.role, 'STAFF');
  return {
    conversations: rows
      .slice(0, CONVERSATIONS_PER_PAGE)
      .map((row): ConversationSummary => ({ ...row, lastInboundBody: readsBodies ? row.lastInboundBody : null })),
    hasMore: rows.length > CONVERSATIONS_PER_PAGE,
  };
}
