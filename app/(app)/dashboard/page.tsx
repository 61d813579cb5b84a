import Link from 'next/link';
import { StatGrid } from '@/components/ui/StatGrid';
import { workspaceSummary } from '@/lib/reports/workspace-summary';
import { requireActor } from '@/app/_http/current-actor';

export default async function DashboardPage() {
  const actor = await requireActor();
  const s = await workspaceSummary({ actor });
  const stats = [
    { label: 'Contacts', value: s.contacts },
    { label: 'Opted out (DNC)', value: s.optedOut },
    { label: 'Campaigns', value: s.campaigns },
    { label: 'Running now', value: s.runningCampaigns },
    { label: 'Delivered this month', value: s.thisMonth.delivered },
    { label: 'Failed this month', value: s.thisMonth.failed },
    { label: 'Waiting in queue', value: s.thisMonth.queued },
  ];
  return (
    <>
      <h1>Dashboard</h1>
      <StatGrid stats={stats} />
      {s.contacts === 0 && (
        <p className="muted" style={{ marginTop: '1.5rem' }}>
          Start by <Link href="/imports">importing a contact list</Link>.
        </p>
      )}
    </>
  );
}
