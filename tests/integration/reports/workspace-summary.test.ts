import { describe, expect, it } from 'vitest';
import { db } from '@/lib/db/client';
import { workspaceSummary } from '@/lib/reports/workspace-summary';
import { instantAt, localTime } from '@/lib/time/zoned-time';
import { createTenant, signedInMember } from '../../support/fixtures';
import { actorFor } from '../../support/import-fixtures';

describe("the dashboard's monthly figures", () => {
  it("count from the start of the workspace's month, not UTC's", async () => {
    const tenantId = (await createTenant('Monthly')).id;
    const actor = await actorFor(await signedInMember(tenantId, 'VIEWER'), 'VIEWER');
    await db().tenantSettings.update({ where: { tenantId }, data: { timeZone: 'Australia/Perth' } });
    const today = localTime(new Date(), 'Australia/Perth');
    const monthStart = instantAt({ year: today.year, month: today.month, day: 1 }, 'Australia/Perth');
    const campaign = await db().campaign.create({ data: { tenantId, name: 'Month end' } });
    // One message just before midnight in Perth on the last day of last month, one just after.
    for (const [phone, createdAt] of [
      ['+61412000001', new Date(monthStart.getTime() - 60_000)],
      ['+61412000002', new Date(monthStart.getTime() + 60_000)],
    ] as const) {
      const contact = await db().contact.create({ data: { tenantId, phoneE164: phone } });
      await db().sendJob.create({
        data: {
          tenantId,
          campaignId: campaign.id,
          contactId: contact.id,
          toE164: phone,
          state: 'DELIVERED',
          createdAt,
        },
      });
    }

    expect((await workspaceSummary({ actor })).thisMonth.delivered).toBe(1);
  });
});
