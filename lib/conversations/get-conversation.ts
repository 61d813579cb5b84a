import 'server-only';
import { joinReplyText } from '../tenants/join-keyword';
import type { Actor } from '../auth/actor';
import { roleAtLeast } from '../auth/roles';
import { pgPool } from '../db/pg-pool';
import { AppError } from '../errors';
import type { ConsentStatus, InboundKeyword, SendJobState } from '../generated/prisma/enums';
import { explainTwilioError } from '../providers/twilio-errors';
import { IS_DONE, IS_POSSIBLE_OPT_OUT, IS_UNREAD, NEEDS_REPLY } from './conversation-flags';
import { CONVERSATION_NOT_FOUND, ConversationIdSchema } from './conversation-query';
import { foldInboundMessages } from './fold-inbound-messages';

/** One entry of a thread; `body` is null for a viewer, who may not read messages. */
export type ThreadEntry =
  | {
      kind: 'inbound';
      id: string;
      at: Date;
      body: string | null;
      keyword: InboundKeyword;
      possibleOptOut: boolean;
      /** What the webhook answered to a keyword, as the workspace words it now. */
      automaticAnswer: string | null;
    }
  | {
      kind: 'campaign';
      id: string;
      at: Date;
      body: string | null;
      campaignId: string;
      campaignName: string;
      from: string | null;
      state: SendJobState;
      detail: string | null;
    }
  | {
      kind: 'reply';
      id: string;
      at: Date;
      body: string | null;
      sentBy: string | null;
      state: SendJobState;
      detail: string | null;
      parts: number;
      costMicros: number;
      /** A reply quiet hours hold: when it goes (it can be taken back until then). */
      sendAfter: Date | null;
    };

export interface ConversationDetail {
  id: string;
  numberValue: string;
  remoteE164: string;
  campaignId: string | null;
  campaignName: string | null;
  assignedToId: string | null;
  lastInboundAt: Date;
  lastInboundBody: string | null;
  unread: boolean;
  needsReply: boolean;
  possibleOptOut: boolean;
  done: boolean;
  dnc: { source: string; reason: string | null; createdAt: Date } | null;
  contact: {
    id: string;
    firstName: string | null;
    lastName: string | null;
    email: string | null;
    tags: string[];
    consentStatus: ConsentStatus;
    consentSource: string | null;
    consentAt: Date | null;
  } | null;
  thread: ThreadEntry[];
  /** Who a conversation can be given to: the workspace's staff and admins. */
  assignees: { userId: string; email: string; name: string | null }[];
}

export interface GetConversationOptions {
  actor: Actor;
  conversationId: string;
}

const THREAD_LIMIT = 200;

/** A conversation with its whole thread in time order, the contact and consent beside it. */
export async function getConversation({ actor, conversationId }: GetConversationOptions): Promise<ConversationDetail> {
  if (!ConversationIdSchema.safeParse(conversationId).success) throw new AppError('not_found', CONVERSATION_NOT_FOUND);
  await foldInboundMessages(pgPool(), { tenantId: actor.tenantId });
  const pool = pgPool();
  const { rows } = await pool.query<
    Omit<ConversationDetail, 'dnc' | 'contact' | 'thread' | 'assignees' | 'lastInboundBody'> & {
      lastInboundBody: string;
      contactId: string | null;
      dncSource: string | null;
      dncReason: string | null;
      dncAt: Date | null;
    }
  >(
    `SELECT c.id, c."numberValue", c."remoteE164", c."campaignId", campaign.name AS "campaignName", c."assignedToId",
       c."lastInboundAt", c."lastInboundBody", ${IS_UNREAD} AS unread, ${NEEDS_REPLY} AS "needsReply",
       ${IS_POSSIBLE_OPT_OUT} AS "possibleOptOut", ${IS_DONE} AS done, contact.id AS "contactId",
       dnc.source AS "dncSource", dnc.reason AS "dncReason", dnc."createdAt" AS "dncAt"
     FROM conversations c
     LEFT JOIN contacts contact ON contact."tenantId" = c."tenantId" AND contact."phoneE164" = c."remoteE164"
     LEFT JOIN campaigns campaign ON campaign."tenantId" = c."tenantId" AND campaign.id = c."campaignId"
     LEFT JOIN dnc_entries dnc ON dnc."tenantId" = c."tenantId" AND dnc."phoneE164" = c."remoteE164"
     WHERE c."tenantId" = $1::uuid AND c.id = $2::uuid`,
    [actor.tenantId, conversationId],
  );
  const row = rows[0];
  if (!row) throw new AppError('not_found', CONVERSATION_NOT_FOUND);
  const readsBodies = roleAtLeast(actor.role, 'STAFF');
  const body = (text: string | null) => (readsBodies ? text : null);

  const [contact, inbound, jobs, replies, settings, assignees] = await Promise.all([
    row.contactId
      ? pool.query<NonNullable<ConversationDetail['contact']>>(
          `SELECT id, "firstName", "lastName", email, tags, "consentStatus", "consentSource", "consentAt"
           FROM contacts WHERE "tenantId" = $1::uuid AND id = $2::uuid`,
          [actor.tenantId, row.contactId],
        )
      : null,
    pool.query<{ id: string; body: string; keyword: InboundKeyword; possibleOptOut: boolean; receivedAt: Date }>(
      `SELECT id::text, body, keyword, "possibleOptOut", "receivedAt" FROM inbound_messages
       WHERE "conversationId" = $1::uuid AND "tenantId" = $2::uuid ORDER BY "receivedAt" DESC LIMIT $3`,
      [conversationId, actor.tenantId, THREAD_LIMIT],
    ),
    row.contactId
      ? pool.query<{
          id: string;
          body: string | null;
          state: SendJobState;
          campaignId: string;
          campaignName: string;
          from: string | null;
          at: Date;
          gateReason: string | null;
          errorCode: string | null;
        }>(
          `SELECT j.id::text, j.body, j.state, j."campaignId", campaign.name AS "campaignName", n.value AS "from",
             COALESCE(j."sentAt", j."finishedAt", j."createdAt") AS at, j."gateReason", j."errorCode"
           FROM send_jobs j
           JOIN campaigns campaign ON campaign.id = j."campaignId" AND campaign."tenantId" = j."tenantId"
           LEFT JOIN sending_numbers n ON n.id = j."sendingNumberId" AND n."tenantId" = j."tenantId"
           WHERE j."tenantId" = $1::uuid AND j."contactId" = $2::uuid AND j.state <> 'QUEUED'
           ORDER BY at DESC LIMIT $3`,
          [actor.tenantId, row.contactId, THREAD_LIMIT],
        )
      : null,
    pool.query<{
      id: string;
      body: string;
      state: SendJobState;
      createdAt: Date;
      sentBy: string | null;
      errorCode: string | null;
      errorMessage: string | null;
      parts: number;
      costMicros: number;
      sendAfter: Date | null;
      heldReason: string | null;
    }>(
      `SELECT r.id::text, r.body, r.state, r."createdAt", u.email AS "sentBy", r."errorCode", r."errorMessage",
         r.parts, r."costMicros", r."sendAfter", r."heldReason"
       FROM conversation_replies r LEFT JOIN users u ON u.id = r."sentById"
       WHERE r."conversationId" = $1::uuid AND r."tenantId" = $2::uuid ORDER BY r."createdAt" DESC LIMIT $3`,
      [conversationId, actor.tenantId, THREAD_LIMIT],
    ),
    pool.query<{ optOutReply: string; optInReply: string; helpReply: string; joinReply: string; businessName: string }>(
      `SELECT s."optOutReply", s."optInReply", s."helpReply", s."joinReply",
              COALESCE(NULLIF(btrim(s."senderName"), ''), t.name) AS "businessName"
       FROM tenant_settings s JOIN tenants t ON t.id = s."tenantId" WHERE s."tenantId" = $1::uuid`,
      [actor.tenantId],
    ),
    pool.query<{ userId: string; email: string; name: string | null }>(
      `SELECT u.id AS "userId", u.email, u.name FROM memberships m JOIN users u ON u.id = m."userId"
       WHERE m."tenantId" = $1::uuid AND m.role IN ('ADMIN', 'STAFF') ORDER BY u.email`,
      [actor.tenantId],
    ),
  ]);
  const answers = settings.rows[0];
  const automaticAnswer: Record<InboundKeyword, string | null> = {
    OPT_OUT: answers?.optOutReply ?? null,
    OPT_IN: answers?.optInReply ?? null,
    HELP: answers?.helpReply ?? null,
    JOIN: answers ? joinReplyText(answers.joinReply, answers.businessName) : null,
    NONE: null,
  };
  const thread: ThreadEntry[] = [
    ...inbound.rows.map((m): ThreadEntry => ({
      kind: 'inbound',
      id: m.id,
      at: m.receivedAt,
      body: body(m.body),
      keyword: m.keyword,
      possibleOptOut: m.possibleOptOut,
      automaticAnswer: body(automaticAnswer[m.keyword]),
    })),
    ...(jobs?.rows ?? []).map((j): ThreadEntry => ({
      kind: 'campaign',
      id: j.id,
      at: j.at,
      body: body(j.body),
      campaignId: j.campaignId,
      campaignName: j.campaignName,
      from: j.from,
      state: j.state,
      detail: j.state === 'SKIPPED' ? j.gateReason : explainTwilioError(j.errorCode),
    })),
    ...replies.rows.map((r): ThreadEntry => ({
      kind: 'reply',
      id: r.id,
      at: r.createdAt,
      body: body(r.body),
      sentBy: r.sentBy,
      state: r.state,
      detail: r.errorMessage ?? r.heldReason,
      parts: r.parts,
      costMicros: r.costMicros,
      sendAfter: r.state === 'QUEUED' ? r.sendAfter : null,
    })),
  ].sort((a, b) => a.at.getTime() - b.at.getTime());

  return {
    id: row.id,
    numberValue: row.numberValue,
    remoteE164: row.remoteE164,
    campaignId: row.campaignId,
    campaignName: row.campaignName,
    assignedToId: row.assignedToId,
    lastInboundAt: row.lastInboundAt,
    lastInboundBody: body(row.lastInboundBody),
    unread: row.unread,
    needsReply: row.needsReply,
    possibleOptOut: row.possibleOptOut,
    done: row.done,
    dnc: row.dncSource ? { source: row.dncSource, reason: row.dncReason, createdAt: row.dncAt! } : null,
    contact: contact?.rows[0] ?? null,
    thread,
    assignees: assignees.rows,
  };
}
