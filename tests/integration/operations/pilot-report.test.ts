import { describe, expect, it } from 'vitest';
import { pgPool } from '@/lib/db/pg-pool';
import { pilotReport } from '@/lib/operations/pilot/pilot-report';
import { buildDrillContent } from '../../support/drill-content';

describe('pilot report', () => {
  it('says go for a pilot that meets every criterion and no-go, with the figure, for one that does not', async () => {
    const content = await buildDrillContent();
    const pilot = { tenantId: content.tenantId, campaignId: content.finishedCampaignId };
    // Sent at noon in Sydney, whatever time the test runs.
    await pgPool().query(`UPDATE send_jobs SET "sentAt" = '2026-11-25T01:00:00' WHERE "campaignId" = $1::uuid`, [
      content.finishedCampaignId,
    ]);

    // The drill's finished campaign: 7 of 8 delivered (87.5 %), a STOP, a person's click and a preview.
    const first = await pilotReport(pilot);
    expect(first.go).toBe(false);
    expect(first.checks.map((c) => [c.name, c.pass])).toEqual([
      ['At least 95% delivered', false],
      ['A STOP reply reached the DNC list within 60 s', true],
      ['A click counted as a person and a preview as a bot', true],
      ['No recipient sent twice', true],
      ['Nothing sent in quiet hours', true],
      ['Spend equals parts × price', true],
    ]);
    expect(first.checks[0].figure).toBe('7 of 8 with a final status (87.5%)');

    // The carrier's late report turns the undelivered message delivered: every line is green.
    await pgPool().query(
      `UPDATE send_jobs SET state = 'DELIVERED' WHERE "campaignId" = $1::uuid AND state = 'UNDELIVERED'`,
      [content.finishedCampaignId],
    );
    expect((await pilotReport(pilot)).go).toBe(true);

    // A message sent at 23:00 in Sydney, and a STOP that took two minutes to reach the list, are red.
    await pgPool().query(
      `UPDATE send_jobs SET "sentAt" = '2026-11-25T12:00:00' WHERE id = (SELECT min(id) FROM send_jobs WHERE "campaignId" = $1::uuid)`,
      [content.finishedCampaignId],
    );
    await pgPool().query(
      `UPDATE dnc_entries SET "createdAt" = "createdAt" + interval '2 minutes' WHERE "tenantId" = $1::uuid`,
      [content.tenantId],
    );
    const late = await pilotReport(pilot);
    expect(late.go).toBe(false);
    expect(late.checks.filter((c) => !c.pass).map((c) => c.figure)).toEqual([
      expect.stringMatching(/^1 STOP reply, the slowest on the list after 1\d\d\.\d s$/),
      "1 of 8 sent in the recipient's quiet hours",
    ]);
  });
});
