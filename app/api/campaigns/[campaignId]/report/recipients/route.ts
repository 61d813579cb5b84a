import { exportCampaignRecipients } from '@/lib/reports/export-campaign-recipients';
import { csvDownload } from '@/app/_http/csv-download';
import { withSession } from '@/app/_http/with-session';

/** Every recipient's outcome as a CSV download; it holds numbers and message texts, so staff and admins only. */
export const GET = withSession<{ campaignId: string }>('STAFF', async (_req, { actor, params }) =>
  csvDownload(
    exportCampaignRecipients({ tenantId: actor.tenantId, campaignId: params.campaignId }),
    'campaign-recipients.csv',
  ),
);
