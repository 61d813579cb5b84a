import 'server-only';
import { pgPool } from '../db/pg-pool';
import { explainTwilioError, isBounce, meansOptedOut } from '../providers/twilio-errors';
import type { CampaignScope } from './campaign-report-scope';

export type ReadCampaignFailuresOptions = CampaignScope;

export interface CampaignFailureRow {
  /** The provider's error code; null for a failure the provider gave no code for. */
  code: string | null;
  explanation: string;
  /** Messages that ended failed or undelivered with this code. */
  failed: number;
  /** Messages that met this code and were tried again (some went through in the end). */
  retried: number;
  /** What the app did about the number, in words. */
  action: string;
}

function actionFor(code: string | null, retried: number): string {
  if (meansOptedOut(code)) return 'Put on the do-not-contact list';
  if (isBounce(code)) return 'Number suppressed for the suppression window';
  if (retried > 0) return 'Retried, then left';
  return 'Left as failed';
}

/** The campaign's failures by the provider's error code, most frequent first, with what each means and what was done. */
export async function readCampaignFailures(scope: ReadCampaignFailuresOptions): Promise<CampaignFailureRow[]> {
  const { rows } = await pgPool().query<{ code: string | null; failed: number; retried: number }>(
    `SELECT "errorCode" AS code,
            count(*) FILTER (WHERE state IN ('FAILED', 'UNDELIVERED'))::int AS failed,
            count(*) FILTER (WHERE attempts > 1)::int AS retried
       FROM send_jobs
      WHERE "tenantId" = $1::uuid AND "campaignId" = $2::uuid
        AND (state IN ('FAILED', 'UNDELIVERED') OR "errorCode" IS NOT NULL)
      GROUP BY "errorCode" ORDER BY failed DESC, retried DESC, code`,
    [scope.tenantId, scope.campaignId],
  );
  return rows.map((r) => ({
    code: r.code,
    explanation: explainTwilioError(r.code) ?? 'The provider gave no error code.',
    failed: r.failed,
    retried: r.retried,
    action: actionFor(r.code, r.retried),
  }));
}
