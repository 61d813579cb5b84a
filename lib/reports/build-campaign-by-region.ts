import { AUSTRALIAN_ZONE_LABELS, contactTimeZone } from '../contacts/contact-time-zone';
import type { CampaignReportData } from './campaign-report-scope';

export type BuildCampaignByRegionOptions = Pick<CampaignReportData, 'header' | 'stats'>;

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
export function buildCampaignByRegion({ header, stats }: BuildCampaignByRegionOptions): RegionRow[] {
  // The aggregates keep what a zone is worked out from; their few hundred rows fold into zones here.
  const regions = new Map<string, RegionRow>();
  for (const r of stats.regions) {
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
