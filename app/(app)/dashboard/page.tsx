import type { Metadata } from 'next';
import { FigureMeanings } from '@/components/reports/FigureMeanings';
import { StatGrid } from '@/components/ui/StatGrid';
import { formatPercent } from '@/lib/format/number';
import { FirstRunChecklist } from '@/components/dashboard/FirstRunChecklist';
import { getFirstRunChecklist } from '@/lib/reports/get-first-run-checklist';
import { workspaceSummary } from '@/lib/reports/workspace-summary';
import { requireActor } from '@/app/_http/current-actor';

export const metadata: Metadata = { title: 'Dashboard' };

export default async function DashboardPage() {
  const actor = await requireActor();
  const [s, checklist] = await Promise.all([workspaceSummary({ actor }), getFirstRunChecklist({ actor })]);
  const stats = [
    { label: 'Contacts', value: s.contacts },
    { label: 'Opted out (DNC)', value: s.optedOut },
    { label: 'Campaigns', value: s.campaigns },
    { label: 'Running now', value: s.runningCampaigns },
    { label: 'Sent this month', value: s.thisMonth.sent },
    { label: 'Delivered this month', value: s.thisMonth.delivered },
    { label: 'Delivery rate this month', value: formatPercent(s.deliveryRateThisMonth) },
    { label: 'Failed this month', value: s.thisMonth.failed },
    { label: 'Waiting in queue', value: s.thisMonth.waiting },
  ];
  return (
    <>
      <h1>Dashboard</h1>
      <FirstRunChecklist steps={checklist} />
      <StatGrid stats={stats} />
      <FigureMeanings />
    </>
  );
}
