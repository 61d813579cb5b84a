import { NextResponse } from 'next/server';
import { withCron } from '@/app/_http/with-cron';
import { runScheduledSend, scheduledRunShape } from '@/lib/sending/run-scheduled-send';

export const dynamic = 'force-dynamic';
// Vercel cron calls every minute; a run stops starting batches and calls well before this.
export const maxDuration = 60;

async function drain() {
  return NextResponse.json(await runScheduledSend(scheduledRunShape()));
}

export const GET = withCron(drain);
export const POST = withCron(drain);
