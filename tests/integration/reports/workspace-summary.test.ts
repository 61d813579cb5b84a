import { describe, expect, it } from 'vitest';
import { db } from '@/lib/db/client';
import { workspaceSummary } from '@/lib/reports/workspace-summary';
import { instantAt, localTime } from '@/lib/time/zoned-time';
import { createTenant, signedInMember } from '../../support/fixtures';
import { actorFor } from '../../support/import-fixtures';

describe("the dashboard's monthly figures", () => {
  it("count what the carrier reported since the start of the workspace's month, not UTC's", async () => {
    const tenantId = (await createTenant('Monthly')).id;
    const actor = await actorFor(await signedInMember(tenantId, 'VIEWER'), 'VIEWER');
    await db().tenantSettings.update({ where: { tenantId }, data: { timeZone: 'Australia/Perth' } });
    const today = localTime(new Date(), 'Australia/Perth');
    const monthStart = instantAt({ year: today.year, month: today.month, day: 1 }, 'Australia/Perth');
    const campaign = await db().campaign.create({ data: { tenantId, name: 'Month end' } });
    // One message delivered just before midnight in Perth on the last day of last month, one just after;
    // both were queued last month, so when a job was made does not decide its month.
    for (const [phone, at] of [
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
          providerMessageId: `SM${phone.slice(1)}`,
          createdAt: new Date(monthStart.getTime() - 86_400_000),
          sentAt: at,
          deliveredAt: at,
        },
      });
    }

    expect((await workspaceSummary({ actor, now: new Date(monthStart.getTime() + 120_000) })).thisMonth).toEqual({
      sent: 1,
      delivered: 1,
    });
  });
});
