import 'server-only';
import { writeCsv } from '../csv/write-csv';
import { pgPool } from '../db/pg-pool';
import { explainTwilioError } from '../providers/twilio-errors';
import { readCampaignHeader, type CampaignScope } from './campaign-report-scope';

export type ExportCampaignRecipientsOptions = CampaignScope;

/** Rows fetched from the cursor per CSV chunk: memory holds one page, whatever the campaign's size. */
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
 * whether they clicked or opted out. Read through a server-side cursor in one
 * read-only snapshot, a page at a time, so a million recipients stream with flat
 * memory; the people who clicked are read once up front (far fewer than recipients).
 */
export async function* exportCampaignRecipients(scope: ExportCampaignRecipientsOptions): AsyncGenerator<string> {
  await readCampaignHeader(scope);
  const client = await pgPool().connect();
  let released = false;
  try {
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    const values = [scope.tenantId, scope.campaignId];
    const labels = await client.query<{ id: string; label: string }>(
      `SELECT id, chr(65 + ((row_number() OVER (ORDER BY position, "createdAt") - 1) % 26)::int) AS label
         FROM templates WHERE "tenantId" = $1::uuid AND "campaignId" = $2::uuid`,
      values,
    );
    const labelOf = new Map(labels.rows.map((t) => [t.id, `Message ${t.label}`]));
    const clicked = await client.query<{ jobId: string }>(
      `SELECT DISTINCT s."sendJobId"::text AS "jobId"
         FROM clicks c JOIN short_links s ON s.id = c."shortLinkId"
        WHERE c."tenantId" = $1::uuid AND c."campaignId" = $2::uuid AND NOT c."isBot" AND s."sendJobId" IS NOT NULL`,
      values,
    );
    const clickers = new Set(clicked.rows.map((r) => r.jobId));
    await client.query(
      `DECLARE recipients NO SCROLL CURSOR FOR
       SELECT j.id::text AS "jobId", j."toE164", k."firstName", k."lastName", j."templateId", j.body, j.state,
              j."errorCode", j."errorMessage", k."optedOutAt"
         FROM send_jobs j LEFT JOIN contacts k ON k.id = j."contactId" AND k."tenantId" = j."tenantId"
        WHERE j."tenantId" = $1::uuid AND j."campaignId" = $2::uuid`,
      values,
    );
    yield writeCsv({
      rows: [['phone', 'name', 'message', 'message sent', 'status', 'error', 'clicked', 'opted out']],
    });
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
  } catch (error) {
    // A connection whose transaction cannot be ended is not handed back to the pool.
    await client.query('ROLLBACK').catch(() => {
      client.release(true);
      released = true;
    });
    throw error;
  } finally {
    // An abandoned download ends the generator early: its snapshot is closed with it.
    if (!released) {
      await client.query('ROLLBACK').catch(() => {});
      client.release();
    }
  }
}
