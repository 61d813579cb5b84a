import type { Metadata } from 'next';
import { dollars } from '@/components/campaigns/format';
import { FirstRunChecklist } from '@/components/dashboard/FirstRunChecklist';
import { HeldMessages } from '@/components/dashboard/HeldMessages';
import { LastDays } from '@/components/dashboard/LastDays';
import { RecentCampaigns } from '@/components/dashboard/RecentCampaigns';
import { RunningCampaigns } from '@/components/dashboard/RunningCampaigns';
import { FigureMeanings } from '@/components/reports/FigureMeanings';
import { StatGrid } from '@/components/ui/StatGrid';
import { getFirstRunChecklist } from '@/lib/reports/get-first-run-checklist';
import { readDashboardDays } from '@/lib/reports/read-dashboard-days';
import { readHeldMessages } from '@/lib/reports/read-held-messages';
import { readRecentCampaigns } from '@/lib/reports/read-recent-campaigns';
import { readRunningCampaigns } from '@/lib/reports/read-running-campaigns';
import { readSpendAgainstBudgets } from '@/lib/reports/read-spend-against-budgets';
import { workspaceSummary } from '@/lib/reports/workspace-summary';
import { requireActor } from '@/app/_http/current-actor';

export const metadata: Metadata = { title: 'Dashboard' };

export default async function DashboardPage() {
  const actor = await requireActor();
  const [s, checklist, { timeZone, days }, spend, running, held, recent] = await Promise.all([
    workspaceSummary({ actor }),
    getFirstRunChecklist({ actor }),
    readDashboardDays({ actor }),
    readSpendAgainstBudgets({ actor }),
    readRunningCampaigns({ actor }),
    readHeldMessages({ actor }),
    readRecentCampaigns({ actor }),
  ]);
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
