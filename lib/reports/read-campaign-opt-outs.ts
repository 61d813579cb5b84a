import 'server-only';
import { pgPool } from '../db/pg-pool';
import { ATTRIBUTED_OPT_OUTS_SQL, ATTRIBUTED_REPLIES_SQL, type CampaignScope } from './campaign-report-scope';

export type ReadCampaignOptOutsOptions = CampaignScope;

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
export async function readCampaignOptOuts(scope: ReadCampaignOptOutsOptions): Promise<CampaignOptOuts> {
  const values = [scope.tenantId, scope.campaignId];
  const [optOuts, replies] = await Promise.all([
    pgPool().query<{ stops: number; web: number }>(
      `SELECT count(DISTINCT "contactId") FILTER (WHERE source <> 'web_unsubscribe')::int AS stops,
              count(DISTINCT "contactId") FILTER (WHERE source = 'web_unsubscribe')::int AS web
         FROM (${ATTRIBUTED_OPT_OUTS_SQL}) o`,
      values,
    ),
    pgPool().query<{ repliers: number; replies: number }>(
      `SELECT count(DISTINCT "contactId")::int AS repliers, coalesce(sum(replies), 0)::int AS replies
         FROM (${ATTRIBUTED_REPLIES_SQL}) r`,
      values,
    ),
  ]);
  const { stops, web } = optOuts.rows[0];
  return { stopReplies: stops, webUnsubscribes: web, total: stops + web, ...replies.rows[0] };
}
