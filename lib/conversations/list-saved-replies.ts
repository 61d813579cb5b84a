import 'server-only';
import type { Actor } from '../auth/actor';
import { db } from '../db/client';

export interface ListSavedRepliesOptions {
  actor: Actor;
}

/** The workspace's canned answers, by name. */
export async function listSavedReplies({ actor }: ListSavedRepliesOptions) {
  return db().savedReply.findMany({
    where: { tenantId: actor.tenantId },
    orderBy: { title: 'asc' },
    select: { id: true, title: true, body: true, updatedAt: true },
  });
}
