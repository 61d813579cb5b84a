import { describe, expect, it } from 'vitest';
import { pgPool } from '@/lib/db/pg-pool';
import { exportCampaignRecipients } from '@/lib/reports/export-campaign-recipients';
import { addContacts, runningCampaign, sendingNumber, sendingTenant } from '../../support/sending-fixtures';

async function openTransactions(): Promise<number> {
  const { rows } = await pgPool().query<{ n: number }>(
    `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND state LIKE 'idle in transaction%'`,
  );
  return rows[0].n;
}

describe('recipients export', () => {
  it('gives its connection back with no transaction left open when the download is abandoned part way', async () => {
    const tenantId = await sendingTenant();
    const number = await sendingNumber(tenantId);
    await addContacts(tenantId, 6000);
    const { campaignId } = await runningCampaign(tenantId, { numberIds: [number.id] });
    const lines = exportCampaignRecipients({ tenantId, campaignId });

    expect((await lines.next()).value).toMatch(/^phone,name,message/);
    const page = (await lines.next()).value as string;
    expect(page.trim().split('\r\n')).toHaveLength(5000);
    expect(await openTransactions()).toBe(1);
    await lines.return(undefined);

    expect(await openTransactions()).toBe(0);
    // Every recipient is there when the download is read to the end.
    let rows = -1;
    for await (const chunk of exportCampaignRecipients({ tenantId, campaignId }))
      rows += chunk.split('\r\n').length - 1;
    expect(rows).toBe(6000);
    expect(await openTransactions()).toBe(0);
  });
});
