import type { Metadata } from 'next';
import Link from 'next/link';
import { CampaignEditor } from '@/components/campaigns/CampaignEditor';
import { Forbidden } from '@/components/shell/Forbidden';
import { getCampaignContext } from '@/lib/campaigns/get-campaign-context';
import { roleAtLeast } from '@/lib/auth/roles';
import { requireActor } from '@/app/_http/current-actor';
import { loadCampaign } from '../load-campaign';

type Params = Promise<{ campaignId: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { campaign } = await loadCampaign((await params).campaignId);
  return { title: `Edit ${campaign.name}` };
}

export default async function EditCampaignPage({ params }: { params: Params }) {
  const actor = await requireActor();
  if (!roleAtLeast(actor.role, 'STAFF')) return <Forbidden needs="staff" />;
  const { campaign } = await loadCampaign((await params).campaignId);
  const back = (
    <p>
      <Link href={`/campaigns/${campaign.id}`}>← {campaign.name}</Link>
    </p>
  );
  if (campaign.status !== 'DRAFT') {
    return (
      <>
        {back}
        <h1>Edit {campaign.name}</h1>
        <div className="notice bad" role="alert">
          Only a draft can be edited. This campaign is {campaign.status.toLowerCase()}.
        </div>
      </>
    );
  }
  const context = await getCampaignContext({ actor });
  return (
    <>
      {back}
      <h1>Edit {campaign.name}</h1>
      <CampaignEditor context={context} campaign={campaign} />
    </>
  );
}
