import { exportCampaignSummary } from '@/lib/reports/export-campaign-summary';
import { csvDownload } from '@/app/_http/csv-download';
import { withSession } from '@/app/_http/with-session';

/** The campaign report's figures as a CSV download: figures only, so viewers may take it too. */
export const GET = withSession<{ campaignId: string }>('VIEWER', async (_req, { actor, params }) =>
  csvDownload(
    exportCampaignSummary({ tenantId: actor.tenantId, campaignId: params.campaignId }),
    'campaign-summary.csv',
  ),
);
