import Link from 'next/link';
import { notFound } from 'next/navigation';
import { CampaignEditor } from '@/components/campaigns/CampaignEditor';
import { Forbidden } from '@/components/shell/Forbidden';
import { getCampaign } from '@/lib/campaigns/get-campaign';
import { getCampaignContext } from '@/lib/campaigns/get-campaign-context';
import { roleAtLeast } from '@/lib/auth/roles';
import { AppError } from '@/lib/errors';
import { requireActor } from '@/app/_http/current-actor';

export default async function EditCampaignPage({ params }: { params: Promise<{ campaignId: string }> }) {
  const actor = await requireActor();
  if (!roleAtLeast(actor.role, 'STAFF')) return <Forbidden needs="staff" />;
  const campaign = await getCampaign({ actor, campaignId: (await params).campaignId }).catch((error) => {
    if (error instanceof AppError && error.code === 'not_found') notFound();
    throw error;
  });
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
