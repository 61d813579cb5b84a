import { isFailedState } from '../campaign-stats/campaign-stats';
import { explainTwilioError, isBounce, meansOptedOut } from '../providers/twilio-errors';
import type { CampaignReportData } from './campaign-report-scope';

export type BuildCampaignFailuresOptions = Pick<CampaignReportData, 'stats'>;

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
export function buildCampaignFailures({ stats }: BuildCampaignFailuresOptions): CampaignFailureRow[] {
  const byCode = new Map<string | null, { failed: number; retried: number }>();
  for (const j of stats.jobs) {
    if (!isFailedState(j.state) && j.errorCode === null) continue;
    const row = byCode.get(j.errorCode) ?? { failed: 0, retried: 0 };
    if (isFailedState(j.state)) row.failed += j.jobs;
    if (j.retried) row.retried += j.jobs;
    byCode.set(j.errorCode, row);
  }
  return [...byCode.entries()]
    .sort(([a, x], [b, y]) => y.failed - x.failed || y.retried - x.retried || (a ?? '').localeCompare(b ?? ''))
    .map(([code, { failed, retried }]) => ({
      code,
      explanation: explainTwilioError(code) ?? 'The provider gave no error code.',
      failed,
      retried,
      action: actionFor(code, retried),
    }));
}
