import type { Metadata } from 'next';
import { dollars } from '@/components/campaigns/format';
import { FirstRunChecklist } from '@/components/dashboard/FirstRunChecklist';
import { HeldMessages } from '@/components/dashboard/HeldMessages';
import { LastDays } from '@/components/dashboard/LastDays';
import { RecentCampaigns } from '@/components/dashboard/RecentCampaigns';
import { RunningCampaigns } from '@/components/dashboard/RunningCampaigns';
import { FigureMeanings } from '@/components/reports/FigureMeanings';
import { StatGrid } from '@/components/ui/StatGrid';
import { readDashboard } from '@/lib/reports/read-dashboard';
import { requireActor } from '@/app/_http/current-actor';

export const metadata: Metadata = { title: 'Dashboard' };

export default async function DashboardPage() {
  const actor = await requireActor();
  const {
    summary: s,
    checklist,
    lastDays: { timeZone, days },
    spend,
    running,
    held,
    recent,
  } = await readDashboard({ actor });
  const stats = [
    { label: 'Contacts', value: s.contacts },
    { label: 'Opted out (DNC)', value: s.optedOut },
    { label: 'Campaigns', value: s.campaigns },
    { label: 'Running now', value: s.runningCampaigns },
    { label: 'Sent this month', value: s.thisMonth.sent },
    { label: 'Delivered this month', value: s.thisMonth.delivered },
    { label: 'Spent this month (AUD)', value: dollars(spend.spentThisMonthMicros) },
    { label: 'Waiting in queue', value: s.waiting },
    { label: 'Held by a gate', value: s.held },
  ];
  return (
    <>
      <h1>Dashboard</h1>
      <FirstRunChecklist steps={checklist} />
      <StatGrid stats={stats} />
      <p className="muted">
        This month is the workspace’s calendar month ({timeZone}): messages the carrier reported sent or delivered since
        it began, whichever campaign they belong to. Waiting counts messages of scheduled, running and paused campaigns
        still to go, held ones included.
      </p>
      <FigureMeanings />
      <LastDays days={days} spend={spend} timeZone={timeZone} />
      <RunningCampaigns running={running} timeZone={timeZone} />
      <HeldMessages held={held} timeZone={timeZone} />
      <RecentCampaigns recent={recent} timeZone={timeZone} />
    </>
  );
}
