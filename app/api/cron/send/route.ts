import { NextResponse } from 'next/server';
import { withCron } from '@/app/_http/with-cron';
import { evaluateAlerts } from '@/lib/operations/alerts/evaluate-alerts';
import { recordDrainRun } from '@/lib/operations/record-drain-run';
import { pruneFinishedCampaigns } from '@/lib/operations/retention/prune-finished-campaigns';
import { env } from '@/lib/env';
import { runScheduledSend, scheduledRunShape } from '@/lib/sending/run-scheduled-send';

export const dynamic = 'force-dynamic';
// Vercel cron calls every minute and a run lasts up to two (CRON_RUN), so two runs overlap;
// a run stops starting batches and calls well before this.
export const maxDuration = 120;

async function drain() {
  const startedAt = new Date();
  try {
    const report = await runScheduledSend(scheduledRunShape());
    await recordDrainRun({
      startedAt,
      finishedAt: new Date(),
      claimed: report.claimed,
      sent: report.accepted,
      failed: report.failed,
      error: report.stoppedBecause,
    });
    // A campaign this run paused, or the delivery rate it moved, is raised now rather than on the next page view.
    await evaluateAlerts().catch((error: unknown) => console.error('[alerts] evaluation failed', error));
    // Retention, a campaign at a time so a run's extra work stays small (docs/SCALING.md).
    await pruneFinishedCampaigns({ retentionDays: env().JOB_RETENTION_DAYS, limit: 1 }).catch((error: unknown) =>
      console.error('[retention] pruning failed', error),
    );
    return NextResponse.json(report);
  } catch (error) {
    await recordDrainRun({
      startedAt,
      finishedAt: new Date(),
      claimed: 0,
      sent: 0,
      failed: 0,
      error: error instanceof Error ? error.message : String(error),
    }).catch(() => {});
    throw error;
  }
}

export const GET = withCron(drain);
export const POST = withCron(drain);
