import type { CampaignReportData } from './campaign-report-scope';

export type BuildCampaignOptOutsOptions = Pick<CampaignReportData, 'stats'>;

export interface CampaignOptOuts {
  /** STOP (or the carrier's advanced opt-out) replied within the window of the campaign's message. */
  stopReplies: number;
  webUnsubscribes: number;
  total: number;
  /** People who answered with an ordinary reply, and how many replies they sent. */
  repliers: number;
  replies: number;
}

/** The opt-outs and replies the campaign caused: those its message was the latest one before, within seven days. */
export function buildCampaignOptOuts({ stats }: BuildCampaignOptOutsOptions): CampaignOptOuts {
  const sum = (rows: typeof stats.attributions, of: 'people' | 'events') => rows.reduce((n, a) => n + a[of], 0);
  const optOuts = stats.attributions.filter((a) => a.kind === 'opt_out');
  const replies = stats.attributions.filter((a) => a.kind === 'reply');
  const webUnsubscribes = sum(
    optOuts.filter((a) => a.source === 'web_unsubscribe'),
    'people',
  );
  const total = sum(optOuts, 'people');
  return {
    stopReplies: total - webUnsubscribes,
    webUnsubscribes,
    total,
    repliers: sum(replies, 'people'),
    replies: sum(replies, 'events'),
  };
}
