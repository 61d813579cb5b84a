import { NextResponse } from 'next/server';
import { withCron } from '@/app/_http/with-cron';
import { recoverInterruptedReplies } from '@/lib/conversations/recover-interrupted-replies';
import { sendHeldReplies } from '@/lib/conversations/send-held-replies';
import { sendInboxDigests } from '@/lib/conversations/send-inbox-digests';
import { configuredSmsProvider } from '@/lib/providers/configured-sms-provider';

export const dynamic = 'force-dynamic';
export const maxDuration = 60;

/** The inbox's scheduled work, apart from the drain so it never takes the drain's time. */
async function runConversationsCron() {
  const provider = configuredSmsProvider();
  // Recovered replies go back to the held ones, so they are sent in the same run.
  const recovered = await recoverInterruptedReplies({ provider });
  const held = await sendHeldReplies({ provider });
  const digests = await sendInboxDigests().catch((error: unknown) => {
    console.error('[inbox digest] failed', error);
    return { mailed: 0 };
  });
  return NextResponse.json({ recovered, held, digests });
}

export const GET = withCron(runConversationsCron);
export const POST = withCron(runConversationsCron);
