import 'server-only';
import { writeCsv } from '../csv/write-csv';
import { pgPool } from '../db/pg-pool';
import { explainTwilioError } from '../providers/twilio-errors';
import type { CampaignScope } from '../campaign-stats/campaign-stats';
import { readCampaignHeader } from './campaign-report-scope';

export type ExportCampaignRecipientsOptions = CampaignScope;

/** Rows read per CSV chunk: memory holds one page, whatever the campaign's size. */
const PAGE = 5000;

const STATUS_LABELS: Record<string, string> = {
  QUEUED: 'waiting',
  SENDING: 'sending',
  SENT: 'sent, no report yet',
  DELIVERED: 'delivered',
  FAILED: 'failed',
  UNDELIVERED: 'undelivered',
  SKIPPED: 'not sent',
};

/**
 * One line per recipient: who, which message and its text, what became of it and
 * whether they clicked or opted out. One query read through a cursor a page at a
 * time on a connection of its own, so a million recipients stream with flat memory at
 * the database's pace (a keyset per page re-walked the contact index for every page);
 * an abandoned download closes the cursor and gives the connection back. The people
 * who clicked are read once up front from their links (far fewer than recipients).
 */
export async function* exportCampaignRecipients(scope: ExportCampaignRecipientsOptions): AsyncGenerator<string> {
  await readCampaignHeader(scope);
  const values = [scope.tenantId, scope.campaignId];
  const [labels, clicked] = await Promise.all([
    pgPool().query<{ id: string; label: string }>(
      `SELECT id, chr(65 + ((row_number() OVER (ORDER BY position, "createdAt") - 1) % 26)::int) AS label
         FROM templates WHERE "tenantId" = $1::uuid AND "campaignId" = $2::uuid`,
      values,
    ),
    pgPool().query<{ jobId: string }>(
      `SELECT "sendJobId"::text AS "jobId" FROM short_links
        WHERE "tenantId" = $1::uuid AND "campaignId" = $2::uuid AND "firstHumanClickAt" IS NOT NULL AND "sendJobId" IS NOT NULL`,
      values,
    ),
  ]);
  const labelOf = new Map(labels.rows.map((t) => [t.id, `Message ${t.label}`]));
  const clickers = new Set(clicked.rows.map((r) => r.jobId));
  yield writeCsv({
    rows: [['phone', 'name', 'message', 'message sent', 'status', 'error', 'clicked', 'opted out']],
  });
  const client = await pgPool().connect();
  let failed: Error | undefined;
  let finished = false;
  try {
    await client.query('BEGIN READ ONLY');
    await client.query(
      `DECLARE recipients NO SCROLL CURSOR FOR
       SELECT j.id::text AS "jobId", j."toE164", k."firstName", k."lastName", j."templateId", j.body,
              j.state, j."errorCode", j."errorMessage", k."optedOutAt"
         FROM send_jobs j LEFT JOIN contacts k ON k.id = j."contactId" AND k."tenantId" = j."tenantId"
        WHERE j."tenantId" = $1::uuid AND j."campaignId" = $2::uuid`,
      values,
    );
    for (;;) {
      const { rows } = await client.query<{
        jobId: string;
        toE164: string;
        firstName: string | null;
        lastName: string | null;
        templateId: string | null;
        body: string | null;
        state: string;
        errorCode: string | null;
        errorMessage: string | null;
        optedOutAt: Date | null;
      }>(`FETCH ${PAGE} FROM recipients`);
      if (!rows.length) break;
      yield writeCsv({
        rows: rows.map((r) => [
          r.toE164,
          [r.firstName, r.lastName].filter(Boolean).join(' '),
          (r.templateId && labelOf.get(r.templateId)) ?? '',
          r.body ?? '',
          STATUS_LABELS[r.state] ?? r.state.toLowerCase(),
          r.errorCode ? `${r.errorCode}: ${explainTwilioError(r.errorCode)}` : (r.errorMessage ?? ''),
          clickers.has(r.jobId) ? 'yes' : 'no',
          r.optedOutAt ? r.optedOutAt.toISOString() : '',
        ]),
      });
    }
    await client.query('COMMIT');
    finished = true;
  } catch (error) {
    failed = error as Error;
    throw error;
  } finally {
    // An abandoned download leaves the transaction open: a connection in that state is not handed out again.
    if (!failed && !finished) await client.query('ROLLBACK').catch((error: Error) => (failed = error));
    client.release(failed);
  }
}
