import type { Metadata } from 'next';
import Link from 'next/link';
import { CampaignEditor } from '@/components/campaigns/CampaignEditor';
import { Forbidden } from '@/components/shell/Forbidden';
import { getCampaignContext } from '@/lib/campaigns/get-campaign-context';
import { roleAtLeast } from '@/lib/auth/roles';
import { requireActor } from '@/app/_http/current-actor';

export const metadata: Metadata = { title: 'New campaign' };

export default async function NewCampaignPage() {
  const actor = await requireActor();
  if (!roleAtLeast(actor.role, 'STAFF')) return <Forbidden needs="staff" />;
  const context = await getCampaignContext({ actor });
  return (
    <>
      <p>
        <Link href="/campaigns">← Campaigns</Link>
      </p>
      <h1>New campaign</h1>
      <p className="muted">
        A campaign is saved as a draft. Nothing is sent until you launch it from its page, after a dry run if you like.
      </p>
      <CampaignEditor context={context} campaign={null} />
    </>
  );
}
