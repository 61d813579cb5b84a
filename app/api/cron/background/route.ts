import { NextResponse } from 'next/server';
import { withCron } from '@/app/_http/with-cron';
import { foldReportShards } from '@/lib/campaign-stats/fold-report-shards';
import { resumeBulkActions } from '@/lib/contacts/resume-bulk-actions';
import { recoverInterruptedReplies } from '@/lib/conversations/recover-interrupted-replies';
import { sendHeldReplies } from '@/lib/conversations/send-held-replies';
import { sendInboxDigests } from '@/lib/conversations/send-inbox-digests';
import { configuredSmsProvider } from '@/lib/providers/configured-sms-provider';

export const dynamic = 'force-dynamic';
export const maxDuration = 60;

/** Scheduled work apart from the drain, so it never takes the drain's time: the inbox's, bulk actions a restart interrupted, and folding the report counters. */
async function runBackgroundCron() {
  const provider = configuredSmsProvider();
  // Recovered replies go back to the held ones, so they are sent in the same run.
  const recovered = await recoverInterruptedReplies({ provider });
  const held = await sendHeldReplies({ provider });
  const digests = await sendInboxDigests().catch((error: unknown) => {
    console.error('[inbox digest] failed', error);
    return { mailed: 0 };
  });
  const bulkActions = await resumeBulkActions();
  await foldReportShards();
  return NextResponse.json({ recovered, held, digests, bulkActions });
}

export const GET = withCron(runBackgroundCron);
export const POST = withCron(runBackgroundCron);
