import { NextResponse } from 'next/server';
import { countUnreadConversations } from '@/lib/conversations/count-unread-conversations';
import { withSession } from '@/app/_http/with-session';

/** The navigation's unread badge, polled by every open page. */
export const GET = withSession('VIEWER', async (_req, { actor }) =>
  NextResponse.json(
    { unread: await countUnreadConversations({ actor }) },
    { headers: { 'cache-control': 'no-store' } },
  ),
);
