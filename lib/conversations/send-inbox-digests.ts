import 'server-only';
import nodemailer from 'nodemailer';
import { pgPool } from '../db/pg-pool';
import { env, publicBaseUrl } from '../env';
import { formatDateTime } from '../format/date-time';
import { TENANT_DEFAULTS } from '../tenants/tenant-defaults';
import { IS_DONE, IS_POSSIBLE_OPT_OUT, IS_UNREAD } from './conversation-flags';
import { foldInboundMessages } from './fold-inbound-messages';

/** The most conversations one digest lists; the rest are counted and the inbox holds them. */
const DIGEST_LIST_LIMIT = 15;
const SNIPPET_LENGTH = 140;

export interface SendInboxDigestsOptions {
  now?: Date;
}

interface DigestEntry {
  id: string;
  remoteE164: string;
  name: string | null;
  body: string;
  at: Date;
  campaignName: string | null;
  mine: boolean;
  possibleOptOut: boolean;
}

/**
 * E-mails each staff member who asked for it the replies that arrived since their
 * last digest and nobody has read yet, at most once per INBOX_DIGEST_MINUTES.
 * A member is claimed by moving their mark forward first, so two runs never mail
 * the same digest; a mail the server refuses moves it back, to be tried again.
 * Nothing is mailed without EMAIL_SERVER, or when there is nothing new.
 */
export async function sendInboxDigests(options: SendInboxDigestsOptions = {}): Promise<{ mailed: number }> {
  const { EMAIL_SERVER, EMAIL_FROM, INBOX_DIGEST_MINUTES } = env();
  if (!EMAIL_SERVER) return { mailed: 0 };
  const now = options.now ?? new Date();
  const pool = pgPool();
  const { rows: members } = await pool.query<{
    id: string;
    tenantId: string;
    userId: string;
    since: Date | null;
    email: string;
    tenantName: string;
    timeZone: string | null;
  }>(
    `SELECT m.id, m."tenantId", m."userId", m."inboxDigestSentAt" AS since, u.email, t.name AS "tenantName", s."timeZone"
     FROM memberships m JOIN users u ON u.id = m."userId" JOIN tenants t ON t.id = m."tenantId"
     LEFT JOIN tenant_settings s ON s."tenantId" = m."tenantId"
     WHERE m."inboxDigest" AND m.role IN ('ADMIN', 'STAFF')
       AND (m."inboxDigestSentAt" IS NULL OR m."inboxDigestSentAt" <= $1::timestamp - make_interval(mins => $2))`,
    [now.toISOString(), INBOX_DIGEST_MINUTES],
  );
  if (!members.length) return { mailed: 0 };
  const transport = nodemailer.createTransport(EMAIL_SERVER);
  const folded = new Set<string>();
  let mailed = 0;
  for (const member of members) {
    if (!folded.has(member.tenantId)) {
      await foldInboundMessages(pool, { tenantId: member.tenantId });
      folded.add(member.tenantId);
    }
    const since = member.since ?? new Date(now.getTime() - INBOX_DIGEST_MINUTES * 60_000);
    const { rows: entries } = await pool.query<DigestEntry & { total: number }>(
      `SELECT c.id, c."remoteE164", NULLIF(concat_ws(' ', contact."firstName", contact."lastName"), '') AS name,
         c."lastInboundBody" AS body, c."lastInboundAt" AS at, campaign.name AS "campaignName",
         c."assignedToId" IS NOT DISTINCT FROM $3::uuid AS mine, ${IS_POSSIBLE_OPT_OUT} AS "possibleOptOut",
         count(*) OVER ()::int AS total
       FROM conversations c
       LEFT JOIN contacts contact ON contact."tenantId" = c."tenantId" AND contact."phoneE164" = c."remoteE164"
       LEFT JOIN campaigns campaign ON campaign."tenantId" = c."tenantId" AND campaign.id = c."campaignId"
       LEFT JOIN dnc_entries dnc ON dnc."tenantId" = c."tenantId" AND dnc."phoneE164" = c."remoteE164"
       WHERE c."tenantId" = $1::uuid AND c."lastInboundAt" > $2::timestamp AND c."lastInboundAt" <= $4::timestamp
         AND ${IS_UNREAD} AND NOT ${IS_DONE}
         AND (c."assignedToId" IS NULL OR c."assignedToId" = $3::uuid)
       ORDER BY mine DESC, c."lastInboundAt" DESC LIMIT ${DIGEST_LIST_LIMIT}`,
      [member.tenantId, since.toISOString(), member.userId, now.toISOString()],
    );
    if (!entries.length) continue;
    const claimed = await pool.query(
      `UPDATE memberships SET "inboxDigestSentAt" = $2::timestamp
       WHERE id = $1::uuid AND "inboxDigestSentAt" IS NOT DISTINCT FROM $3::timestamp`,
      [member.id, now.toISOString(), member.since?.toISOString() ?? null],
    );
    if (!claimed.rowCount) continue;
    const mail = digestMail(entries, entries[0].total, member.tenantName, member.timeZone ?? TENANT_DEFAULTS.timeZone);
    try {
      await transport.sendMail({ to: member.email, from: EMAIL_FROM, subject: mail.subject, text: mail.text });
      mailed++;
    } catch (error) {
      await pool.query(
        `UPDATE memberships SET "inboxDigestSentAt" = $3::timestamp WHERE id = $1::uuid AND "inboxDigestSentAt" = $2::timestamp`,
        [member.id, now.toISOString(), member.since?.toISOString() ?? null],
      );
      console.error(`[inbox digest] mail to member ${member.id} failed`, error);
    }
  }
  return { mailed };
}

function digestMail(entries: DigestEntry[], total: number, tenantName: string, timeZone: string) {
  const base = publicBaseUrl();
  const lines = entries.map((e) => {
    const who = e.name ? `${e.name} (${e.remoteE164})` : e.remoteE164;
    const snippet = e.body.length > SNIPPET_LENGTH ? `${e.body.slice(0, SNIPPET_LENGTH - 1)}…` : e.body;
    const notes = [
      e.mine ? 'assigned to you' : null,
      e.possibleOptOut ? 'may be asking to opt out' : null,
      e.campaignName ? `answering "${e.campaignName}"` : null,
    ].filter(Boolean);
    return `${who}, ${formatDateTime(e.at, timeZone)}${notes.length ? ` — ${notes.join('; ')}` : ''}\n  “${snippet}”\n  ${base}/inbox/${e.id}`;
  });
  const more = total > entries.length ? `\n…and ${total - entries.length} more in the inbox: ${base}/inbox\n` : '';
  return {
    subject: `${total} new ${total === 1 ? 'reply' : 'replies'} waiting in ${tenantName}'s inbox`,
    text: `Replies that arrived since your last digest and nobody has read yet:\n\n${lines.join('\n\n')}\n${more}\nTurn these e-mails off on the inbox page.\n`,
  };
}
