import 'server-only';
import type { Actor } from '../auth/actor';
import { pgPool } from '../db/pg-pool';
import { env } from '../env';
import type { InboxDigestSetting } from './inbox-digest-schemas';

export interface GetInboxDigestOptions {
  actor: Actor;
}

/** Whether the signed-in member gets the inbox digest in this workspace. */
export async function getInboxDigest({ actor }: GetInboxDigestOptions): Promise<InboxDigestSetting> {
  const { rows } = await pgPool().query<{ inboxDigest: boolean }>(
    `SELECT "inboxDigest" FROM memberships WHERE "tenantId" = $1::uuid AND "userId" = $2::uuid`,
    [actor.tenantId, actor.userId],
  );
  return {
    enabled: rows[0]?.inboxDigest ?? false,
    mailConfigured: Boolean(env().EMAIL_SERVER),
    everyMinutes: env().INBOX_DIGEST_MINUTES,
  };
}
