import 'server-only';
import { AUSTRALIAN_ZONE_LABELS, contactTimeZone } from '../contacts/contact-time-zone';
import { pgPool } from '../db/pg-pool';
import { readCampaignHeader, type CampaignScope } from './campaign-report-scope';

export type ReadCampaignByRegionOptions = CampaignScope;

export interface RegionRow {
  state: string;
  timeZone: string;
  sent: number;
  delivered: number;
  failed: number;
  deliveryRate: number | null;
  clicked: number;
}

/** The campaign's outcomes by the recipient's state and the time zone they were sent in. */
export async function readCampaignByRegion(scope: ReadCampaignByRegionOptions): Promise<RegionRow[]> {
  const header = await readCampaignHeader(scope);
  // Grouped by what a zone is worked out from; the few hundred groups are folded into zones here.
  const { rows } = await pgPool().query<{
    timeZone: string | null;
    state: string | null;
    postcode: string | null;
    foreign: boolean;
    sent: number;
    delivered: number;
    failedAfterSending: number;
    clicked: number;
  }>(
    `SELECT k."timeZone", upper(trim(k.state)) AS state, k.postcode, NOT j."toE164" LIKE '+61%' AS foreign,
            count(*) FILTER (WHERE j."providerMessageId" IS NOT NULL)::int AS sent,
            count(*) FILTER (WHERE j.state = 'DELIVERED')::int AS delivered,
            count(*) FILTER (WHERE j.state IN ('FAILED', 'UNDELIVERED') AND j."providerMessageId" IS NOT NULL)::int AS "failedAfterSending",
            0 AS clicked
       FROM send_jobs j JOIN contacts k ON k.id = j."contactId"
      WHERE j."tenantId" = $1::uuid AND j."campaignId" = $2::uuid AND j."providerMessageId" IS NOT NULL
      GROUP BY 1, 2, 3, 4
     UNION ALL
     -- People who clicked, found from the campaign's clicks rather than a look-up per message.
     SELECT k."timeZone", upper(trim(k.state)), k.postcode, NOT j."toE164" LIKE '+61%', 0, 0, 0,
            count(DISTINCT c."shortLinkId")::int
       FROM clicks c JOIN short_links s ON s.id = c."shortLinkId" JOIN send_jobs j ON j.id = s."sendJobId"
       JOIN contacts k ON k.id = j."contactId"
      WHERE c."tenantId" = $1::uuid AND c."campaignId" = $2::uuid AND NOT c."isBot"
      GROUP BY 1, 2, 3, 4`,
    [scope.tenantId, scope.campaignId],
  );
  const regions = new Map<string, RegionRow>();
  for (const r of rows) {
    const zone = contactTimeZone(
      { timeZone: r.timeZone, state: r.state, postcode: r.postcode, phoneE164: r.foreign ? '+1' : '+61' },
      header.timeZone,
    );
    const timeZone = zone ? (AUSTRALIAN_ZONE_LABELS[zone as keyof typeof AUSTRALIAN_ZONE_LABELS] ?? zone) : 'Unknown';
    const state = r.state || 'Unknown';
    const key = `${state}\u0000${timeZone}`;
    const region = regions.get(key) ?? {
      state,
      timeZone,
      sent: 0,
      delivered: 0,
      failed: 0,
      deliveryRate: null,
      clicked: 0,
    };
    region.sent += r.sent;
    region.delivered += r.delivered;
    region.failed += r.failedAfterSending;
    region.clicked += r.clicked;
    const reported = region.delivered + region.failed;
    region.deliveryRate = reported > 0 ? region.delivered / reported : null;
    regions.set(key, region);
  }
  return [...regions.values()].sort((a, b) => b.sent - a.sent || a.state.localeCompare(b.state));
}
