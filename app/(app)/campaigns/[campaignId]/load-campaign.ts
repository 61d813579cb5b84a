import { notFound } from 'next/navigation';
import { cache } from 'react';
import { getCampaign } from '@/lib/campaigns/get-campaign';
import { AppError } from '@/lib/errors';
import { requireActor } from '@/app/_http/current-actor';

/** The campaign of a campaign page, read once per request for both its title and the page. */
export const loadCampaign = cache(async (campaignId: string) => {
  const actor = await requireActor();
  const campaign = await getCampaign({ actor, campaignId }).catch((error) => {
    if (error instanceof AppError && error.code === 'not_found') notFound();
    throw error;
  });
  return { actor, campaign };
});
